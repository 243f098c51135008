using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Summaries;

/// <summary>What one unit's final-kind report says besides numbers: its assessment and its award proposals.</summary>
public sealed record UnitFinalContent(string Unit, string? Strengths, string? Limitations, IReadOnlyList<NomineeRow> Nominees);

public sealed record NomineeRow(NominationKind Kind, string Name, string? Position, string Achievement);

/// <summary>The assessments and nominations sent for a final-kind period, for the compiled Word report.</summary>
public static class FinalContent
{
    public static async Task<List<UnitFinalContent>> LoadAsync(YouthMonthDb db, int periodId, CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking().Include(r => r.Unit).Include(r => r.Nominations)
            .Where(r => r.PeriodId == periodId && r.Status == ReportStatus.Submitted).ToListAsync(ct);
        return reports.OrderBy(r => r.Unit!.Cluster).ThenBy(r => r.Unit!.Name, StringComparer.Create(VietnamTime.Culture, false))
            .Select(r => new UnitFinalContent(r.Unit!.Name, r.Assessment, r.Limitations,
                r.Nominations.OrderBy(n => n.Kind).ThenBy(n => n.SortOrder)
                    .Select(n => new NomineeRow(n.Kind, n.Name, n.Position, n.Reason)).ToList()))
            .ToList();
    }
}
