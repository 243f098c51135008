using YouthMonth.Core.Messaging;
using YouthMonth.Core.Summaries;

namespace YouthMonth.Bot.Extensions;

public static class SummaryExtensions
{
    /// <summary>/summary and /tonghop for leader chats (asked by the dialog router like every ICommandHandler).</summary>
    public static void AddSummaries(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICommandHandler, SummaryCommand>();
    }
}
