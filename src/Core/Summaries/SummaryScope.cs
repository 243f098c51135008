using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Summaries;

public enum SummaryScopeKind { CurrentPeriod, Week, WholeCampaign, KickOff, Final }

/// <summary>What a /summary argument asked for: the current period (default), "tuần 3"/"week 3", "toàn đợt"/"all".</summary>
public sealed partial record SummaryScope(SummaryScopeKind Kind, int? Week = null)
{
    public static readonly SummaryScope Current = new(SummaryScopeKind.CurrentPeriod);

    /// <summary>Reads the argument ignoring case and diacritics; false with a Vietnamese explanation otherwise.</summary>
    public static bool TryParse(string? argument, out SummaryScope scope, out string error)
    {
        scope = Current;
        error = "";
        var folded = VietnameseText.Fold(argument);
        if (folded.Length == 0 || folded is "tuan nay" or "ky nay" or "hien tai" or "current") return true;
        if (folded is "toan dot" or "ca dot" or "tat ca" or "all" or "toan bo" or "campaign")
        {
            scope = new(SummaryScopeKind.WholeCampaign);
            return true;
        }
        if (folded is "ra quan" or "le ra quan" or "kickoff" or "kick-off")
        {
            scope = new(SummaryScopeKind.KickOff);
            return true;
        }
        if (folded is "tong ket" or "final")
        {
            scope = new(SummaryScopeKind.Final);
            return true;
        }
        var week = WeekPattern().Match(folded);
        if (week.Success && int.TryParse(week.Groups["n"].Value, out var n) && n is > 0 and < 100)
        {
            scope = new(SummaryScopeKind.Week, n);
            return true;
        }
        error = SummaryTexts.UnknownScope(VietnameseText.Clean(argument));
        return false;
    }

    [GeneratedRegex(@"^(?:tuan|week|t|w)\s*(?<n>\d{1,2})$")]
    private static partial Regex WeekPattern();

    /// <summary>The organisation's campaign to summarise (with its organisation): the active one that started last, else the latest one.</summary>
    public static async Task<Campaign?> CampaignForAsync(YouthMonthDb db, int organisationId, CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().Include(c => c.Organisation).Where(c => c.OrganisationId == organisationId)
            .OrderByDescending(c => c.Status == CampaignStatus.Active).ThenByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The period "now" means: the one whose window holds today (the earliest still open when windows overlap,
    /// e.g. a kick-off inside week 1); else the last one already due; else the first.
    /// </summary>
    public static ReportingPeriod? CurrentPeriod(IReadOnlyList<ReportingPeriod> periods, DateOnly today, DateTimeOffset now)
    {
        var ordered = periods.OrderBy(p => p.DeadlineUtc).ThenBy(p => p.Id).ToList();
        var holding = ordered.Where(p => p.WindowStart <= today && today <= p.WindowEnd).ToList();
        if (holding.Count > 0) return holding.FirstOrDefault(p => p.DeadlineUtc >= now) ?? holding[^1];
        return ordered.LastOrDefault(p => p.DeadlineUtc <= now) ?? ordered.FirstOrDefault();
    }

    /// <summary>The period this scope names; null (with a Vietnamese reason) when the campaign has no such period.</summary>
    public ReportingPeriod? Resolve(IReadOnlyList<ReportingPeriod> periods, DateOnly today, DateTimeOffset now, out string? error)
    {
        error = null;
        ReportingPeriod? found = Kind switch
        {
            SummaryScopeKind.CurrentPeriod => CurrentPeriod(periods, today, now),
            SummaryScopeKind.Week => periods.FirstOrDefault(p => p.Kind == PeriodKind.Weekly && p.Number == Week),
            SummaryScopeKind.KickOff => periods.FirstOrDefault(p => p.Kind == PeriodKind.KickOff),
            SummaryScopeKind.Final => periods.FirstOrDefault(p => p.Kind == PeriodKind.Final),
            _ => null,
        };
        if (found is null)
        {
            var weeks = periods.Where(p => p.Kind == PeriodKind.Weekly && p.Number is not null).Select(p => p.Number!.Value).Order().ToList();
            error = Kind switch
            {
                SummaryScopeKind.Week => weeks.Count > 0 ? SummaryTexts.NoSuchWeek(Week ?? 0, weeks.Min(), weeks.Max()) : SummaryTexts.NoWeeks,
                SummaryScopeKind.KickOff => SummaryTexts.NoKickOff,
                SummaryScopeKind.Final => SummaryTexts.NoFinal,
                _ => SummaryTexts.NoPeriods,
            };
        }
        return found;
    }
}
