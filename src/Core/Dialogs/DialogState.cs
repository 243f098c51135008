namespace YouthMonth.Core.Dialogs;

/// <summary>Where a chat is in a guided dialog, saved at every step so a restart or a day of silence resumes.</summary>
public class DialogState
{
    public int ChatAccountId { get; set; }
    public Messaging.ChatAccount? ChatAccount { get; set; }
    /// <summary>Dialog name ("weekly_report", "final_report" …); null when idle.</summary>
    public string? Dialog { get; set; }
    public string? Step { get; set; }
    /// <summary>The dialog's working data as JSON.</summary>
    public string Data { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
