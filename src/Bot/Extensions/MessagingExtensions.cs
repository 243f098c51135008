using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Extensions;

public static class MessagingExtensions
{
    /// <summary>Inbox retries (Messaging:InboxRetryDelaysSeconds), the purge (Messaging:PurgeAfterDays; scheduled in Core/Scheduling/RecurringJobs.cs), queue health.</summary>
    public static void AddMessagingReliability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MessagingOptions>>().Value.InboxRetry);
        builder.Services.AddSingleton(sp => new PurgeSettings(TimeSpan.FromDays(sp.GetRequiredService<IOptions<MessagingOptions>>().Value.PurgeAfterDays)));
        builder.Services.AddScoped<MessagePurge>();
        builder.Services.AddHealthChecks().AddCheck<MessagingHealthCheck>("messaging", tags: ["ready"]);
    }
}
