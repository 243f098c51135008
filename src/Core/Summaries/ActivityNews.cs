using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Summaries;

/// <summary>What the units did in one of the plan's activity categories (a "mặt công tác" of seed 001).</summary>
/// <param name="Activities">Every reported activity of the category in scope; <see cref="Items"/> holds the few shown.</param>
public sealed record NewsCategory(string Code, string Label, int Activities, int Units, decimal Participants, IReadOnlyList<NewsItem> Items);

public sealed record NewsItem(string Unit, string Title, DateOnly? Date, decimal Participants, string? News, IReadOnlyList<string> Links);

/// <summary>
/// The units' activity news for the compiled report's prose, grouped by the plan's activity categories in plan
/// order (the order the categories first appear among the plan's activities; "Hoạt động khác" last). Categories
/// nobody reported are left out. Each category keeps at most <see cref="PerCategory"/> items, one per unit before
/// any unit's second: the report stays readable at 10,000 units, and the counts say how many there were in all.
/// One SQL statement; the per-category cut is a window function, so memory does not grow with the units.
/// </summary>
public static class ActivityNews
{
    public const int PerCategory = 6;

    /// <summary>
    /// The news of the summary's scope. A final period's report speaks for the whole campaign, and its own reports
    /// carry numbers rather than activities: its prose is built from every period of the campaign.
    /// </summary>
    public static async Task<List<NewsCategory>> LoadAsync(YouthMonthDb db, CampaignSummary s, CancellationToken ct)
    {
        var periods = s.Period is { Kind: not PeriodKind.Final } p
            ? [p.Id]
            : await db.Periods.AsNoTracking().Where(x => x.CampaignId == s.Header.CampaignId).Select(x => x.Id).ToArrayAsync(ct);
        var planOrder = await db.Activities.AsNoTracking().Where(a => a.CampaignId == s.Header.CampaignId)
            .GroupBy(a => a.Category).Select(g => new { Category = g.Key, First = g.Min(a => a.SortOrder) })
            .ToDictionaryAsync(x => x.Category, x => x.First, ct);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        var categories = new Dictionary<string, (int Activities, int Units, decimal Participants, List<NewsItem> Items)>(StringComparer.Ordinal);
        try
        {
            // A unit's activities with news or links come first, then the larger; one of each unit before any second.
            await using var command = new NpgsqlCommand($"""
                WITH acts AS (
                    SELECT a.id, a.category, a.title, a.date, a.news_text, a.links, r.unit_id, u.name,
                           coalesce(v.value, 0) AS participants,
                           (a.news_text IS NOT NULL OR cardinality(a.links) > 0) AS told
                    FROM reports r
                    JOIN units u ON u.id = r.unit_id AND u.active AND u.organisation_id = @org
                    JOIN report_activities a ON a.report_id = r.id
                    LEFT JOIN report_values v ON v.report_activity_id = a.id AND v.metric_code = '{MetricCatalog.Participants}'
                    WHERE r.period_id = ANY(@periods) AND r.status = 'Submitted'),
                ranked AS (
                    SELECT *, row_number() OVER (PARTITION BY category, unit_id ORDER BY told DESC, participants DESC, id) AS unit_rank
                    FROM acts),
                counted AS (
                    SELECT *, row_number() OVER (PARTITION BY category ORDER BY unit_rank, told DESC, participants DESC, id) AS rn,
                           count(*) OVER c AS activities, count(*) FILTER (WHERE unit_rank = 1) OVER c AS units,
                           sum(participants) OVER c AS total
                    FROM ranked WINDOW c AS (PARTITION BY category))
                SELECT category, activities::int, units::int, total, name, title, date, news_text, links, participants
                FROM counted WHERE rn <= @top ORDER BY category, rn
                """, connection)
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            command.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Integer) { Value = s.Header.OrganisationId });
            command.Parameters.Add(new NpgsqlParameter("periods", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = periods });
            command.Parameters.Add(new NpgsqlParameter("top", NpgsqlDbType.Integer) { Value = PerCategory });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var code = reader.GetString(0);
                if (!categories.TryGetValue(code, out var c))
                    categories[code] = c = (reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3), []);
                c.Items.Add(new NewsItem(reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.GetDecimal(9),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetFieldValue<string[]>(8)));
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }

        return categories
            .OrderBy(c => c.Key == ActivityCategories.Other)
            .ThenBy(c => planOrder.TryGetValue(c.Key, out var first) ? first : int.MaxValue)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new NewsCategory(c.Key, ActivityCategories.Labels.GetValueOrDefault(c.Key, c.Key), c.Value.Activities,
                c.Value.Units, c.Value.Participants, c.Value.Items))
            .ToList();
    }
}
