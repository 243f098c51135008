namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The step names of the report dialogs, each written once. They are stored in <see cref="DialogState.Step"/>,
/// so a rename would strand the chats that are mid-report: change a value only together with a migration.
/// </summary>
public static class ReportSteps
{
    // Choosing the period (ReportStarter)
    public const string PickEdit = "pick_edit";
    public const string Existing = "existing";
    public const string WeeklyStart = "weekly_start";
    public const string PickPeriod = "pick_period";
    /// <summary>A kick-off, event-day or final period offered first, with "Chọn kỳ khác" beside it.</summary>
    public const string OtherStart = "other_start";

    // One activity (WeeklyReportDialog, ShortReportDialog, ActivitySteps)
    public const string Activity = "activity";
    public const string Title = "title";
    public const string Category = "category";
    public const string Date = "date";
    public const string Participants = "participants";
    public const string Metric = "metric";
    /// <summary>A number above the metric's cap or far above the unit's last report, to confirm or correct.</summary>
    public const string ConfirmNumbers = "confirm_numbers";
    public const string News = "news";
    public const string Links = "links";
    public const string Photos = "photos";
    public const string More = "more";

    // Review
    public const string Review = "review";
    public const string FixActivity = "fix_activity";
    public const string FixField = "fix_field";
}
