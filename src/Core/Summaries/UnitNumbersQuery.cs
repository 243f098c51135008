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
}

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
                """
                WITH counted AS MATERIALIZED (
                    SELECT r.id, r.unit_id, p.kind = 'Final' AS final
                    FROM reports r JOIN periods p ON p.id = r.period_id
                    JOIN units u ON u.id = r.unit_id AND u.active AND u.organisation_id = @org
                    WHERE r.period_id = ANY(@periods) AND r.status IN ('Submitted','NoActivity')),
                per_report AS (
                    SELECT c.unit_id, c.final, v.metric_code,
                           COALESCE(sum(v.value) FILTER (WHERE v.report_activity_id IS NULL), sum(v.value)) AS value,
                           bool_or(v.approximate) AS approximate
                    FROM counted c JOIN report_values v ON v.report_id = c.id
                    GROUP BY c.id, c.unit_id, c.final, v.metric_code)
                SELECT unit_id, metric_code, GREATEST(sum(value) FILTER (WHERE final), sum(value) FILTER (WHERE NOT final)),
                       bool_or(approximate)
                FROM per_report GROUP BY unit_id, metric_code
                """,
            })
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Integer) { Value = summary.Header.OrganisationId });
                command.Parameters.Add(new NpgsqlParameter("periods", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = periodIds });
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
            while (await reader.ReadAsync(ct))
            {
                if (!values.TryGetValue(reader.GetInt32(0), out var unitValues)) values[reader.GetInt32(0)] = unitValues = new(StringComparer.Ordinal);
                unitValues[reader.GetString(1)] = reader.GetDecimal(2);
                if (reader.GetBoolean(3))
                {
                    if (!approximate.TryGetValue(reader.GetInt32(0), out var marked)) approximate[reader.GetInt32(0)] = marked = new(StringComparer.Ordinal);
                    marked.Add(reader.GetString(1));
                }
            }
            return [.. rows.Select(r => new UnitNumbers(r.Id, r.Name, r.Cluster, r.Reports, r.Late, r.NoActivity, r.Activities,
                Status(summary.Period is not null, r.Reports, r.DueReports, r.Late, r.NoActivity, dueCount),
                values.TryGetValue(r.Id, out var v) ? v : new Dictionary<string, decimal>())
            {
                Approximate = approximate.TryGetValue(r.Id, out var a) ? a : new HashSet<string>(),
            })];
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static string Status(bool period, int reports, int dueReports, int late, int noActivity, int due) => period
        ? reports == 0 ? "Chưa báo cáo" : noActivity > 0 ? late > 0 ? "Không có hoạt động (trễ hạn)" : "Không có hoạt động"
        : late > 0 ? "Trễ hạn" : "Đúng hạn"
        : $"{dueReports} báo cáo / {due} kỳ đến hạn" + (late > 0 ? $", {late} trễ" : "") +
          (reports > dueReports ? $", {reports - dueReports} kỳ gửi trước hạn" : "");
}
