using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Extensions;

public static class MessagingExtensions
{
    /// <summary>Inbox retries (Messaging:InboxRetryDelaysSeconds).</summary>
    public static void AddMessagingReliability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MessagingOptions>>().Value.InboxRetry);
    }
}
