using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Summaries;

/// <summary>Turns a target's rule and the aggregated numbers into its progress ("chưa tính được" when it cannot).</summary>
public static class TargetRules
{
    public const string NotComputable = "chưa tính được";

    /// <param name="counts">Per target id: units that reached the minimum (PerUnitMinimum) or did an activity of the category (UnitCoverage).</param>
    public static TargetProgress Progress(Target t, IReadOnlyList<Metric> metrics, IReadOnlyList<MetricTotal> totals, int units,
        IReadOnlyDictionary<int, int> counts)
    {
        TargetProgress Missing(string why) => new(t.Number, t.Text, t.Rule, false, null, null, null, null, NotComputable, why);

        var metric = metrics.FirstOrDefault(m => m.Code == t.MetricCode);
        var total = totals.FirstOrDefault(m => m.Code == t.MetricCode)?.Value ?? 0;
        switch (t.Rule)
        {
            case TargetRule.None:
                return Missing("Chỉ tiêu chưa có cách tính tự động.");
            case TargetRule.MetricTotal:
                if (metric is null) return Missing("Chưa gắn số liệu để tính.");
                if (t.Goal is not > 0) return Missing("Chưa có mức chỉ tiêu.");
                return new(t.Number, t.Text, t.Rule, true, total, t.Goal, SummaryQuery.Percent(total, t.Goal.Value), metric.Unit,
                    $"{SummaryNumbers.Format(total)}/{SummaryNumbers.Format(t.Goal.Value)} {metric.Unit}", null);
            case TargetRule.YearlyQuotaShare:
                if (metric is null) return Missing("Chưa gắn số liệu để tính.");
                if (t.YearlyQuota is not > 0) return Missing("Chưa nhập chỉ tiêu năm.");
                if (t.Goal is not > 0) return Missing("Chưa có mức chỉ tiêu.");
                var share = SummaryQuery.Percent(total, t.YearlyQuota.Value);
                return new(t.Number, t.Text, t.Rule, true, share, t.Goal, SummaryQuery.Percent(share, t.Goal.Value), "%",
                    $"{SummaryNumbers.Format(total)}/{SummaryNumbers.Format(t.YearlyQuota.Value)} {metric.Unit} = {SummaryNumbers.Format(share)}% chỉ tiêu năm (cần {SummaryNumbers.Format(t.Goal.Value)}%)", null);
            case TargetRule.UnitCoverage:
                if (t.Goal is not > 0) return Missing("Chưa có mức chỉ tiêu.");
                if (units == 0) return Missing("Chưa có đơn vị nào.");
                var covered = counts.GetValueOrDefault(t.Id);
                var coverage = SummaryQuery.Percent(covered, units);
                var what = t.Category is { } c && ActivityCategories.Labels.TryGetValue(c, out var label) ? $" có hoạt động {label.ToLowerInvariant()}" : " có hoạt động";
                return new(t.Number, t.Text, t.Rule, true, coverage, t.Goal, SummaryQuery.Percent(coverage, t.Goal.Value), "%",
                    $"{SummaryNumbers.Format(covered)}/{SummaryNumbers.Format(units)} đơn vị{what}", null);
            case TargetRule.PerUnitMinimum:
                if (metric is null) return Missing("Chưa gắn số liệu để tính.");
                if (t.Goal is not > 0) return Missing("Chưa có mức chỉ tiêu.");
                if (units == 0) return Missing("Chưa có đơn vị nào.");
                var reached = counts.GetValueOrDefault(t.Id);
                var reachedShare = SummaryQuery.Percent(reached, units);
                return new(t.Number, t.Text, t.Rule, true, reachedShare, 100, reachedShare, "%",
                    $"{SummaryNumbers.Format(reached)}/{SummaryNumbers.Format(units)} đơn vị đạt ít nhất {SummaryNumbers.Format(t.Goal.Value)} {metric.Unit}", null);
            default:
                return Missing("Chỉ tiêu chưa có cách tính tự động.");
        }
    }
}
