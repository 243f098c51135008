using Microsoft.AspNetCore.Http.HttpResults;

namespace YouthMonth.Bot.Channels;

public static class WebhookAnswers
{
    /// <summary>
    /// 503 when the update could not be stored (database down, batch failed): Telegram and Zalo deliver it again
    /// later, and the redelivery is stored once. Never 200 for an update that is not committed.
    /// </summary>
    public static ProblemHttpResult InboxUnavailable() => TypedResults.Problem(title: "Inbox unavailable",
        detail: "The update was not stored; deliver it again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
}
