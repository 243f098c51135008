using System.Text;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// The review screen of a draft: everything the person is about to send, as the leaders will read it. (The
/// office's accept/return decision on a sent report is <see cref="Summaries.ReportReview"/>.)
/// </summary>
public static class DraftReview
{
    public static string Weekly(ReportDraft draft, string unit, IReadOnlyList<Metric> metrics)
    {
        var sb = new StringBuilder(ReportTexts.ReviewHeader(draft.PeriodLabel, unit)).Append('\n');
        for (var i = 0; i < draft.Activities.Count; i++)
        {
            var a = draft.Activities[i];
            sb.Append('\n').Append(i + 1).Append(". ").Append(a.Title);
            if (a.Date is { } d) sb.Append(" — ").Append(VietnameseDates.Format(d));
            sb.Append('\n');
            AppendValues(sb, a.Values, metrics, "   ", a.ValuesBefore, a.Approximate, approximateBefore: a.ApproximateBefore);
            if (a.News is not null) sb.Append("   ").Append(ReportTexts.ReviewNews).Append(a.News).Append('\n');
            if (a.Links.Count > 0) sb.Append("   ").Append(ReportTexts.ReviewLinks).Append(string.Join(", ", a.Links)).Append('\n');
            sb.Append("   ").Append(ReportTexts.ReviewPhotos).Append(a.PhotoIds.Count)
                .Append(ReportTexts.ReviewPhotoFailures(a.PhotoFailures.Select(f =>
                    ReportTexts.ReviewPhotoFailure(f.Position, Messaging.PhotoRejections.Short(f.Reason, f.MaxBytes)))))
                .Append('\n');
        }
        if (draft.Activities.Any(a => a.Approximate.Count > 0)) sb.Append('\n').Append(ReportTexts.ReviewApproximate);
        sb.Append('\n').Append(ReportTexts.ReviewFooter);
        return sb.ToString();
    }

    /// <param name="before">When given, a number that differs from it is marked "(đã sửa, trước: …)", and a cleared one is listed.</param>
    /// <param name="approximateBefore">Which of <paramref name="before"/> were estimates; a number that only lost or
    /// gained its "≈" counts as changed.</param>
    /// <param name="note">What to add after a metric's number, if anything (the final report's weekly sums).</param>
    public static void AppendValues(StringBuilder sb, IReadOnlyDictionary<string, decimal> values, IReadOnlyList<Metric> metrics, string indent,
        IReadOnlyDictionary<string, decimal>? before = null, IReadOnlyCollection<string>? approximate = null, Func<Metric, decimal, string?>? note = null,
        IReadOnlyCollection<string>? approximateBefore = null)
    {
        foreach (var m in metrics)
        {
            var had = before is not null && before.TryGetValue(m.Code, out var old) ? old : (decimal?)null;
            var wasApproximate = approximateBefore?.Contains(m.Code) == true;
            if (values.TryGetValue(m.Code, out var v))
            {
                var isApproximate = approximate?.Contains(m.Code) == true;
                sb.Append(indent).Append(m.Label).Append(": ").Append(ReportTexts.Value(v, m.Unit, isApproximate));
                if (before is not null && (had != v || (approximateBefore is not null && wasApproximate != isApproximate)))
                    sb.Append(ReportTexts.ReviewChanged(had is { } h ? ReportTexts.Value(h, m.Unit, wasApproximate) : null));
                if (note?.Invoke(m, v) is { } extra) sb.Append(extra);
                sb.Append('\n');
            }
            else if (had is { } h)
                sb.Append(indent).Append(m.Label).Append(": ").Append(ReportTexts.ReviewCleared(ReportTexts.Value(h, m.Unit, wasApproximate))).Append('\n');
        }
        foreach (var (code, v) in values.Where(kv => metrics.All(m => m.Code != kv.Key)))
            sb.Append(indent).Append(code == MetricCatalog.Participants ? ReportTexts.ParticipantsLabel : code)
                .Append(": ").Append(ReportTexts.Value(v, "", approximate?.Contains(code) == true)).Append('\n');
    }
}
