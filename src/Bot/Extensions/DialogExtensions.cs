using YouthMonth.Core.Dialogs;

namespace YouthMonth.Bot.Extensions;

public static class DialogExtensions
{
    /// <summary>The dialog engine and the concrete dialogs (they live in Core); also feeds the Telegram command menu.</summary>
    public static void AddDialogs(this WebApplicationBuilder builder)
    {
        builder.Services.AddYouthMonthDialogs();
    }
}
