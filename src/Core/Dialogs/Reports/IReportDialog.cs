using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>A dialog that fills in one kind of report, started by <see cref="ReportStarter"/> once the period is known.</summary>
public interface IReportDialog : IDialog
{
    bool Handles(PeriodKind kind);

    /// <summary>Asks the first question of a new report.</summary>
    Task BeginAsync(DialogContext ctx, ReportDraft draft, ReportingPeriod period, CancellationToken ct);

    /// <summary>Shows the whole draft with "send / fix" (also the entry point of an edit).</summary>
    Task ShowReviewAsync(DialogContext ctx, ReportDraft draft, CancellationToken ct);
}
