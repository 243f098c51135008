namespace YouthMonth.Bot.Extensions;

public static class DialogExtensions
{
    /// <summary>The dialog engine and the concrete dialogs (they live in Core).</summary>
    public static void AddDialogs(this WebApplicationBuilder builder)
    {
    }
}
