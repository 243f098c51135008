using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// One unit's line of the per-unit table (exports): its reporting state in the scope and its numbers, counted
/// exactly as <see cref="SummaryQuery"/> counts them, so the column sums equal the summary's totals.
/// </summary>
public sealed record UnitNumbers(int UnitId, string Name, string? Cluster, int Reports, int Late, int NoActivity, int Activities,
    string Status, IReadOnlyDictionary<string, decimal> Values)
{
    /// <summary>Metric codes whose number here counts an estimate ("khoảng 200").</summary>
    public IReadOnlySet<string> Approximate { get; init; } = new HashSet<string>();

    /// <summary>
    /// Metric codes whose final-report total (in the scope) differs from the sum of the unit's weekly reports of the
    /// campaign, with both numbers; a metric no weekly report gave is not compared.
    /// </summary>
    public IReadOnlyDictionary<string, FinalVsWeekly> FinalVsWeekly { get; init; } = new Dictionary<string, FinalVsWeekly>();
}

/// <summary>A final-report total and the sum of the same unit's weekly reports for that metric.</summary>
public sealed record FinalVsWeekly(decimal Final, decimal Weekly)
{
    public decimal Difference => Final - Weekly;
}

/// <summary>The sum of a unit's weekly reports for one metric; <see cref="Approximate"/> when an estimate is in it.</summary>
public sealed record WeeklySum(string MetricCode, decimal Value, bool Approximate);

public static class UnitNumbersQuery
{
    /// <summary>Every active unit of the summary's organisation, by cluster then name.</summary>
    public static async Task<IReadOnlyList<UnitNumbers>> ReadAsync(YouthMonthDb db, CampaignSummary summary, CancellationToken ct = default)
    {
        var periodIds = summary.Periods.Select(p => p.PeriodId).ToArray();
        var dueCount = summary.Period is null ? summary.Periods.Count(p => p.DeadlinePassed) : 1;
        var dueIds = summary.Period is null ? summary.Periods.Where(p => p.DeadlinePassed).Select(p => p.PeriodId).ToArray() : periodIds;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var sql in new[]
            {
                """
                SELECT u.id, u.name, u.cluster,
                       count(r.id)::int, count(r.id) FILTER (WHERE r.is_late)::int, count(r.id) FILTER (WHERE r.status = 'NoActivity')::int,
                       coalesce(sum((SELECT count(*) FROM report_activities a WHERE a.report_id = r.id)), 0)::int,
                       count(r.id) FILTER (WHERE r.period_id = ANY(@due))::int
                FROM units u
                LEFT JOIN reports r ON r.unit_id = u.id AND r.period_id = ANY(@periods) AND r.status IN ('Submitted','NoActivity')
                WHERE u.organisation_id = @org AND u.active
                GROUP BY u.id, u.name, u.cluster
                ORDER BY u.cluster NULLS LAST, u.name, u.id
                """,
                // A scope holding a final period also reads the campaign's weekly reports, only to compare each
                // final total with the sum of the unit's weeks (those rows are not in_scope and count nowhere else).
                """
                WITH scope AS (
                    SELECT p.id, p.kind, p.id = ANY(@periods) AS in_scope FROM periods p
                    WHERE p.id = ANY(@periods)
                       OR (p.campaign_id = @campaign AND p.kind = 'Weekly'
                           AND EXISTS (SELECT 1 FROM periods f WHERE f.id = ANY(@periods) AND f.kind = 'Final'))),
                counted AS MATERIALIZED (
                    SELECT r.id, r.unit_id, s.kind = 'Final' AS final, s.kind = 'Weekly' AND r.status = 'Submitted' AS weekly, s.in_scope
                    FROM scope s JOIN reports r ON r.period_id = s.id
                    JOIN units u ON u.id = r.unit_id AND u.active AND u.organisation_id = @org
                    WHERE r.status IN ('Submitted','NoActivity')),
                """ + PerReport + """
                SELECT unit_id, metric_code,
                       GREATEST(sum(value) FILTER (WHERE final AND in_scope), sum(value) FILTER (WHERE NOT final AND in_scope)),
                       bool_or(approximate) FILTER (WHERE in_scope),
                       sum(value) FILTER (WHERE final AND in_scope), sum(value) FILTER (WHERE weekly)
                FROM per_report GROUP BY unit_id, metric_code
                HAVING bool_or(in_scope)
                """,
            })
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Integer) { Value = summary.Header.OrganisationId });
                command.Parameters.Add(new NpgsqlParameter("periods", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = periodIds });
                if (batch.BatchCommands.Count == 1)
                    command.Parameters.Add(new NpgsqlParameter("campaign", NpgsqlDbType.Integer) { Value = summary.Header.CampaignId });
                // Only the per-unit command counts reports of periods already due ("2 báo cáo / 3 kỳ đến hạn" never
                // reads "4 / 3" because a not-yet-due final report was sent early).
                if (batch.BatchCommands.Count == 0)
                    command.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = dueIds });
                batch.BatchCommands.Add(command);
            }
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var rows = new List<(int Id, string Name, string? Cluster, int Reports, int Late, int NoActivity, int Activities, int DueReports)>();
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3),
                    reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)));
            await reader.NextResultAsync(ct);
            var values = new Dictionary<int, Dictionary<string, decimal>>();
            var approximate = new Dictionary<int, HashSet<string>>();
            var differences = new Dictionary<int, Dictionary<string, FinalVsWeekly>>();
            while (await reader.ReadAsync(ct))
            {
                var unitId = reader.GetInt32(0);
                if (!values.TryGetValue(unitId, out var unitValues)) values[unitId] = unitValues = new(StringComparer.Ordinal);
                unitValues[reader.GetString(1)] = reader.GetDecimal(2);
                if (!reader.IsDBNull(3) && reader.GetBoolean(3))
                {
                    if (!approximate.TryGetValue(unitId, out var marked)) approximate[unitId] = marked = new(StringComparer.Ordinal);
                    marked.Add(reader.GetString(1));
                }
                if (!reader.IsDBNull(4) && !reader.IsDBNull(5) && reader.GetDecimal(4) != reader.GetDecimal(5))
                {
                    if (!differences.TryGetValue(unitId, out var differ)) differences[unitId] = differ = new(StringComparer.Ordinal);
                    differ[reader.GetString(1)] = new FinalVsWeekly(reader.GetDecimal(4), reader.GetDecimal(5));
                }
            }
            return [.. rows.Select(r => new UnitNumbers(r.Id, r.Name, r.Cluster, r.Reports, r.Late, r.NoActivity, r.Activities,
                Status(summary.Period is not null, r.Reports, r.DueReports, r.Late, r.NoActivity, dueCount),
                values.TryGetValue(r.Id, out var v) ? v : new Dictionary<string, decimal>())
            {
                Approximate = approximate.TryGetValue(r.Id, out var a) ? a : new HashSet<string>(),
                FinalVsWeekly = differences.TryGetValue(r.Id, out var d) ? d : new Dictionary<string, FinalVsWeekly>(),
            })];
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The units' <see cref="UnitNumbers.FinalVsWeekly"/> as rows, units in table order, metrics in the summary's order.</summary>
    public static IReadOnlyList<WeeklySumDifference> Differences(CampaignSummary summary, IReadOnlyList<UnitNumbers> units) =>
        [.. from u in units
            where u.FinalVsWeekly.Count > 0
            from t in summary.Totals
            where u.FinalVsWeekly.ContainsKey(t.Code)
            let d = u.FinalVsWeekly[t.Code]
            select new WeeklySumDifference(u.UnitId, u.Name, t.Code, t.Label, t.Unit, d.Final, d.Weekly, d.Difference)];

    /// <summary>
    /// One number per report and metric: its report-level total when it has one (a final report), else the sum of
    /// its activities. Expects a <c>counted</c> CTE (id, unit_id, final, weekly, in_scope).
    /// </summary>
    private const string PerReport = """
        per_report AS (
            SELECT c.unit_id, c.final, c.weekly, c.in_scope, v.metric_code,
                   COALESCE(sum(v.value) FILTER (WHERE v.report_activity_id IS NULL), sum(v.value)) AS value,
                   bool_or(v.approximate) AS approximate
            FROM counted c JOIN report_values v ON v.report_id = c.id
            GROUP BY c.id, c.unit_id, c.final, c.weekly, c.in_scope, v.metric_code)
        """;

    /// <summary>
    /// The sums of one unit's submitted weekly reports of the campaign, per metric, counted as the per-unit table
    /// counts them (estimates with their value): what the final report is prefilled with and compared to.
    /// </summary>
    public static async Task<IReadOnlyList<WeeklySum>> WeeklySumsAsync(YouthMonthDb db, int campaignId, int unitId, CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<WeeklySum>("""
            WITH counted AS MATERIALIZED (
                SELECT r.id, r.unit_id, false AS final, true AS weekly, true AS in_scope
                FROM reports r JOIN periods p ON p.id = r.period_id
                WHERE r.unit_id = @unit AND p.campaign_id = @campaign AND p.kind = 'Weekly' AND r.status = 'Submitted'),
            """ + PerReport + """
            SELECT metric_code, sum(value) AS value, bool_or(approximate) AS approximate
            FROM per_report GROUP BY metric_code ORDER BY metric_code
            """,
            new NpgsqlParameter("unit", NpgsqlDbType.Integer) { Value = unitId },
            new NpgsqlParameter("campaign", NpgsqlDbType.Integer) { Value = campaignId }).ToListAsync(ct);

    private static string Status(bool period, int reports, int dueReports, int late, int noActivity, int due) => period
        ? reports == 0 ? "Chưa báo cáo" : noActivity > 0 ? late > 0 ? "Không có hoạt động (trễ hạn)" : "Không có hoạt động"
        : late > 0 ? "Trễ hạn" : "Đúng hạn"
        : $"{dueReports} báo cáo / {due} kỳ đến hạn" + (late > 0 ? $", {late} trễ" : "") +
          (reports > dueReports ? $", {reports - dueReports} kỳ gửi trước hạn" : "");
}
