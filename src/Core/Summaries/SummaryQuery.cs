using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// Computes a <see cref="CampaignSummary"/> for one period or the whole campaign in two round trips of plain SQL
/// on one connection: the plan (campaign, periods, metrics, targets), then one batch that aggregates everything
/// that grows with the number of units and reports in PostgreSQL, so nothing loads every report (or every unit)
/// into memory. Timings and plans: docs/benchmarks.md, section Summaries.
///
/// Counting rules, so one unit's numbers are never counted twice:
/// - only reports of active units with status Submitted or NoActivity count (one report per unit and period);
/// - a report's value of a metric is its report-wide value when it has one, otherwise the sum of its
///   per-activity values (never both);
/// - over the whole campaign a unit's value is the larger of its final report's value and the sum of its other
///   reports: the final report states the month's total, which can never be less than the parts already
///   reported, and adding both would count the same work twice.
/// </summary>
public static class SummaryQuery
{
    public const int HighlightCount = 3;

    private const string Counted = "('Submitted','NoActivity')";

    /// <summary>The summary of <paramref name="periodId"/>, or of the whole campaign when it is null; null when the campaign or period does not exist.</summary>
    /// <param name="parallelInTransaction">
    /// Outside a transaction the totals are read on a second connection at the same time as the rest. Inside one
    /// (a dialog turn) only when the caller says so: the second connection sees committed rows only, which is
    /// right unless the transaction itself wrote reports before asking.
    /// </param>
    public static async Task<CampaignSummary?> ComputeAsync(YouthMonthDb db, int campaignId, int? periodId, DateTimeOffset now,
        CancellationToken ct = default, bool parallelInTransaction = false)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Inside a dialog turn the context has a transaction open; the batches must join it.
            var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            return await ComputeAsync(connection, transaction, transaction is null || parallelInTransaction, campaignId, periodId, now, ct);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<CampaignSummary?> ComputeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        bool parallel, int campaignId, int? periodId, DateTimeOffset now, CancellationToken ct)
    {
        if (await ReadPlanAsync(connection, transaction, campaignId, ct) is not var (campaign, org, periods, metrics, targets)) return null;
        var period = periodId is { } pid ? periods.FirstOrDefault(p => p.Id == pid) : null;
        if (periodId is not null && period is null) return null;

        var scope = period is null ? periods : [period];
        var scopeIds = scope.Select(p => p.Id).ToArray();
        // A period's missing units are those without a report yet; over the campaign only periods already due count.
        var dueIds = period is null ? scope.Where(p => p.DeadlineUtc <= now).Select(p => p.Id).ToArray() : scopeIds;

        var finalIds = scope.Where(p => p.Kind == PeriodKind.Final).Select(p => p.Id).ToArray();
        var raw = await ReadAsync(connection, transaction, parallel, org.Id, scopeIds, dueIds, finalIds, targets, ct);

        var zone = VietnamTime.Zone(org.TimeZoneId);
        var header = new SummaryHeader(org.Id, org.Name, org.ParentName, org.Place, campaign.Id, campaign.Name, campaign.Theme,
            period?.Label ?? "Toàn đợt", now, DateOnly.FromDateTime(VietnamTime.ToLocal(now, zone)));

        var periodRows = scope.Select(p =>
        {
            raw.Status.TryGetValue(p.Id, out var s);
            return new PeriodStatus(p.Id, p.Label, p.DeadlineUtc, p.DeadlineUtc <= now, raw.Units, s.Received,
                Percent(s.Received, raw.Units), s.OnTime, s.Late, s.NoActivity);
        }).ToList();
        var counting = period is null ? periodRows.Where(p => p.DeadlinePassed).ToList() : periodRows;
        var expected = raw.Units * counting.Count;
        var received = counting.Sum(p => p.Received);
        var reporting = new ReportingStatus(raw.Units, expected, received, Percent(received, expected),
            counting.Sum(p => p.OnTime), counting.Sum(p => p.Late), counting.Sum(p => p.NoActivity), raw.UnitsReported);

        var totals = metrics.Select(m => new MetricTotal(m.Code, m.Label, m.Unit, m.Kind, raw.Totals.GetValueOrDefault(m.Code),
                raw.Approximate.Contains(m.Code)))
            .Concat(raw.Totals.Where(t => metrics.All(m => m.Code != t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new MetricTotal(t.Key, t.Key, "", MetricKind.Integer, t.Value, raw.Approximate.Contains(t.Key))))
            .ToList();

        return new CampaignSummary
        {
            Header = header,
            Period = period is null ? null : new PeriodInfo(period.Id, period.Kind, period.Number, period.Label,
                period.WindowStart, period.WindowEnd, period.DeadlineUtc),
            Reporting = reporting,
            Periods = periodRows,
            Missing = raw.Missing,
            Totals = totals,
            Targets = [.. targets.Select(t => TargetRules.Progress(t, metrics, totals, raw.Units, raw.TargetCounts))],
            Highlights = raw.Highlights,
        };
    }

    internal static decimal Percent(decimal part, decimal whole) => whole <= 0 ? 0 : Math.Round(part * 100 / whole, 1);

    private record struct StatusRow(int Received, int OnTime, int Late, int NoActivity);

    private sealed record Raw(int Units, int UnitsReported, Dictionary<int, StatusRow> Status, List<MissingCluster> Missing,
        Dictionary<string, decimal> Totals, HashSet<string> Approximate, Dictionary<int, int> TargetCounts, List<Highlight> Highlights);

    private sealed record Plan(Campaign Campaign, Organisation Organisation, List<ReportingPeriod> Periods, List<Metric> Metrics,
        List<Target> Targets);

    /// <summary>
    /// The campaign's plan in one round trip of plain SQL (it is read on every summary; four EF queries cost more
    /// than the statements themselves). Null when the campaign does not exist.
    /// </summary>
    private static async Task<Plan?> ReadPlanAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int campaignId,
        CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection) { Transaction = transaction };
        foreach (var sql in new[]
                 {
                     """
                     SELECT c.id, c.name, c.theme, o.id, o.name, o.parent_name, o.place, o.time_zone_id
                     FROM campaigns c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = @campaign
                     """,
                     """
                     SELECT id, kind, number, label, window_start, window_end, deadline_utc FROM periods
                     WHERE campaign_id = @campaign ORDER BY deadline_utc, id
                     """,
                     "SELECT id, code, label, unit, kind, sort_order FROM metrics WHERE campaign_id = @campaign ORDER BY sort_order, id",
                     """
                     SELECT id, number, text, rule, metric_code, category, goal, yearly_quota FROM targets
                     WHERE campaign_id = @campaign ORDER BY number
                     """,
                 })
        {
            var c = new NpgsqlBatchCommand(sql);
            c.Parameters.Add(new NpgsqlParameter("campaign", NpgsqlDbType.Integer) { Value = campaignId });
            batch.BatchCommands.Add(c);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var organisation = new Organisation
        {
            Id = reader.GetInt32(3), Name = reader.GetString(4), ParentName = Text(5), Place = reader.GetString(6),
            TimeZoneId = reader.GetString(7),
        };
        var campaign = new Campaign
        {
            Id = reader.GetInt32(0), OrganisationId = organisation.Id, Organisation = organisation, Name = reader.GetString(1),
            Theme = Text(2),
        };

        await reader.NextResultAsync(ct);
        var periods = new List<ReportingPeriod>();
        while (await reader.ReadAsync(ct))
            periods.Add(new ReportingPeriod
            {
                Id = reader.GetInt32(0), CampaignId = campaignId, Kind = Enum.Parse<PeriodKind>(reader.GetString(1)),
                Number = reader.IsDBNull(2) ? null : reader.GetInt32(2), Label = reader.GetString(3),
                WindowStart = reader.GetFieldValue<DateOnly>(4), WindowEnd = reader.GetFieldValue<DateOnly>(5),
                DeadlineUtc = reader.GetFieldValue<DateTimeOffset>(6),
            });

        await reader.NextResultAsync(ct);
        var metrics = new List<Metric>();
        while (await reader.ReadAsync(ct))
            metrics.Add(new Metric
            {
                Id = reader.GetInt32(0), CampaignId = campaignId, Code = reader.GetString(1), Label = reader.GetString(2),
                Unit = reader.GetString(3), Kind = Enum.Parse<MetricKind>(reader.GetString(4)), SortOrder = reader.GetInt32(5),
            });

        await reader.NextResultAsync(ct);
        var targets = new List<Target>();
        while (await reader.ReadAsync(ct))
            targets.Add(new Target
            {
                Id = reader.GetInt32(0), CampaignId = campaignId, Number = reader.GetInt32(1), Text = reader.GetString(2),
                Rule = Enum.Parse<TargetRule>(reader.GetString(3)), MetricCode = Text(4), Category = Text(5),
                Goal = reader.IsDBNull(6) ? null : reader.GetDecimal(6), YearlyQuota = reader.IsDBNull(7) ? null : reader.GetDecimal(7),
            });
        return new Plan(campaign, organisation, periods, metrics, targets);
    }

    private static async Task<Raw> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool parallel,
        int organisationId, int[] scopeIds, int[] dueIds, int[] finalIds, IReadOnlyList<Target> targets, CancellationToken ct)
    {
        // Two batches: the totals (as heavy as the raw aggregate alone) and everything about units (missing units,
        // status, targets, highlights). When parallel they run at the same time on two connections, so a
        // summary costs about its largest part instead of the sum of all (committed data either way: a summary
        // inside a dialog turn reads nothing the turn itself wrote).
        await using var batch = new NpgsqlBatch(connection) { Transaction = transaction };
        await using var numbers = new NpgsqlBatch(connection) { Transaction = transaction };
        NpgsqlBatchCommand Command(string sql) => Add(batch, sql);
        NpgsqlBatchCommand Add(NpgsqlBatch target, string sql)
        {
            var c = new NpgsqlBatchCommand(sql);
            c.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Integer) { Value = organisationId });
            c.Parameters.Add(new NpgsqlParameter("periods", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = scopeIds });
            c.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = dueIds });
            c.Parameters.Add(new NpgsqlParameter("finals", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = finalIds });
            c.Parameters.Add(new NpgsqlParameter("top", NpgsqlDbType.Integer) { Value = HighlightCount });
            target.BatchCommands.Add(c);
            return c;
        }

        // Per active unit: how many due periods it has not reported (the missing list, in display order) and
        // whether it reported at all; the first row carries the unit counts. The scope's counted reports (an index
        // range per period) are grouped per unit first, then joined to the units once: cheaper than an anti-join
        // against every report or grouping the units themselves.
        Command($"""
            WITH reported AS (
                SELECT r.unit_id, count(*) FILTER (WHERE r.period_id = ANY(@due)) AS due_reported
                FROM reports r WHERE r.period_id = ANY(@periods) AND r.status IN {Counted}
                GROUP BY r.unit_id),
            per_unit AS MATERIALIZED (
                SELECT u.id, u.name, u.cluster, x.unit_id IS NOT NULL AS reported,
                       cardinality(@due) - coalesce(x.due_reported, 0) AS missed
                FROM units u LEFT JOIN reported x ON x.unit_id = u.id
                WHERE u.organisation_id = @org AND u.active)
            SELECT 0 AS part, NULL::int AS id, NULL::text AS name, NULL::text AS cluster, count(*)::int,
                   (count(*) FILTER (WHERE reported))::int
            FROM per_unit
            UNION ALL
            SELECT 1, id, name, cluster, missed::int, 0 FROM per_unit WHERE missed > 0
            ORDER BY part, cluster NULLS LAST, name, id
            """);
        // On time, late and "no activity" split the received reports: a "no activity" sent after the deadline is
        // late like any other report (a unit must not escape the late count by reporting nothing).
        Command($"""
            SELECT r.period_id, count(*)::int,
                   count(*) FILTER (WHERE r.status = 'Submitted' AND NOT r.is_late)::int,
                   count(*) FILTER (WHERE r.is_late)::int,
                   count(*) FILTER (WHERE r.status = 'NoActivity' AND NOT r.is_late)::int
            FROM reports r JOIN units u ON u.id = r.unit_id AND u.active AND u.organisation_id = @org
            WHERE r.period_id = ANY(@periods) AND r.status IN {Counted}
            GROUP BY r.period_id
            """);
        // Reporting queries: JIT compilation costs more than it saves at this size, and the per-unit grouping
        // must not spill to disk. No parallel workers: the server shares its few cores with the hosts, and on two
        // cores a parallel scan of report_values took the totals from ≈ 45 to ≈ 86 ms for one period (and 120 to
        // 155 ms for the campaign; docs/benchmarks.md, summary). Local to the batch's (implicit or enclosing) transaction.
        const string Settings = "SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true), "
            + "set_config('max_parallel_workers_per_gather', '0', true)";
        batch.BatchCommands.Insert(0, new NpgsqlBatchCommand(Settings));
        numbers.BatchCommands.Add(new NpgsqlBatchCommand(Settings));
        // Every counted value once: a per-activity value is skipped when its report also has a report-wide
        // value of the same metric (the partial index keeps that check cheap).
        string Values(string metricFilter) => $"""
            SELECT r.unit_id, r.period_id = ANY(@finals) AS final, v.metric_code, v.value
            FROM report_values v
            JOIN reports r ON r.id = v.report_id
            JOIN units u ON u.id = r.unit_id
            WHERE {metricFilter} r.period_id = ANY(@periods) AND r.status IN {Counted} AND u.active AND u.organisation_id = @org
              AND (v.report_activity_id IS NULL OR NOT EXISTS (
                  SELECT 1 FROM report_values w
                  WHERE w.report_id = v.report_id AND w.metric_code = v.metric_code AND w.report_activity_id IS NULL))
            """;
        // Totals of all reports but the final ones: the plain aggregate (a hashed semi-join on the counted
        // reports keeps it as cheap as the raw GROUP BY), minus per-activity values that a report-wide value of
        // the same report and metric replaces (read from the few report-wide rows).
        var countedNotFinal = $"""
            SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id
            WHERE r.period_id = ANY(@periods) AND NOT r.period_id = ANY(@finals) AND r.status IN {Counted}
              AND u.organisation_id = @org AND u.active
            """;
        Add(numbers, $"""
            SELECT 'metric', metric_code, sum(value), 0 FROM (
                SELECT v.metric_code, v.value FROM report_values v WHERE v.report_id IN ({countedNotFinal})
                UNION ALL
                SELECT a.metric_code, -a.value FROM report_values w
                JOIN report_values a ON a.report_id = w.report_id AND a.metric_code = w.metric_code AND a.report_activity_id IS NOT NULL
                WHERE w.report_activity_id IS NULL AND w.report_id IN ({countedNotFinal})) counted
            GROUP BY metric_code
            """);
        // A unit's final report replaces its other reports when it says more: add what it says beyond them.
        // Only units with a final report are grouped per unit, and only when a final period is in scope.
        if (finalIds.Length > 0)
            Add(numbers, $"""
                SELECT 'metric', metric_code, sum(GREATEST(final_value - other_value, 0)), 0 FROM (
                    SELECT unit_id, metric_code, sum(value) FILTER (WHERE final) AS final_value,
                           coalesce(sum(value) FILTER (WHERE NOT final), 0) AS other_value
                    FROM ({Values("")}) vals
                    WHERE unit_id IN (SELECT unit_id FROM reports WHERE period_id = ANY(@finals) AND status IN {Counted})
                    GROUP BY unit_id, metric_code) per_unit
                WHERE final_value IS NOT NULL GROUP BY metric_code
                """);
        // Which totals count an estimate: read from the small partial index of estimated values.
        Command($"""
            SELECT DISTINCT 'approx', v.metric_code, NULL::numeric, 0 FROM report_values v
            JOIN reports r ON r.id = v.report_id AND r.period_id = ANY(@periods) AND r.status IN {Counted}
            JOIN units u ON u.id = r.unit_id AND u.active AND u.organisation_id = @org
            WHERE v.approximate
            """);
        // One statement per target with its metric or category as a parameter, so PostgreSQL plans for that
        // value: per-unit minimums read the metric's values from (metric_code, report_id), coverage the reports
        // with an activity of the category from (category, report_id), both from the index alone.
        foreach (var t in targets.Where(t => t.Rule == TargetRule.PerUnitMinimum && t.MetricCode is not null && t.Goal is not null))
        {
            var c = Command($"""
                SELECT 'target', @target::text, NULL, count(*)::int FROM (
                    SELECT unit_id FROM ({Values("v.metric_code = @metric AND")}) vals
                    GROUP BY unit_id
                    HAVING GREATEST(sum(value) FILTER (WHERE final), sum(value) FILTER (WHERE NOT final)) >= @goal) reached
                """);
            c.Parameters.Add(new NpgsqlParameter("target", NpgsqlDbType.Integer) { Value = t.Id });
            c.Parameters.Add(new NpgsqlParameter("metric", NpgsqlDbType.Varchar) { Value = t.MetricCode });
            c.Parameters.Add(new NpgsqlParameter("goal", NpgsqlDbType.Numeric) { Value = t.Goal!.Value });
        }
        foreach (var t in targets.Where(t => t.Rule == TargetRule.UnitCoverage))
        {
            var c = Command($"""
                SELECT 'target', @target::text, NULL, count(*)::int
                FROM units u
                WHERE u.organisation_id = @org AND u.active AND u.id IN (
                    SELECT r.unit_id FROM reports r
                    JOIN report_activities a ON a.report_id = r.id{(t.Category is null ? "" : " AND a.category = @category")}
                    WHERE r.period_id = ANY(@periods) AND r.status IN {Counted})
                """);
            c.Parameters.Add(new NpgsqlParameter("target", NpgsqlDbType.Integer) { Value = t.Id });
            if (t.Category is not null) c.Parameters.Add(new NpgsqlParameter("category", NpgsqlDbType.Varchar) { Value = t.Category });
        }
        var targetResults = batch.BatchCommands.Count - 3;
        Command($"""
            SELECT a.id, r.unit_id, u.name, a.title, a.date, v.value, a.news_text, ph.photo_id, ph.storage_path
            FROM report_values v
            JOIN reports r ON r.id = v.report_id AND r.period_id = ANY(@periods) AND r.status IN {Counted}
            JOIN units u ON u.id = r.unit_id AND u.active AND u.organisation_id = @org
            JOIN report_activities a ON a.id = v.report_activity_id
            LEFT JOIN LATERAL (
                SELECT rp.photo_id, p.storage_path FROM report_photos rp JOIN photos p ON p.id = rp.photo_id
                WHERE rp.report_activity_id = a.id ORDER BY rp.sort_order, rp.photo_id LIMIT 1) ph ON true
            WHERE v.metric_code = '{MetricCatalog.Participants}' AND v.report_activity_id IS NOT NULL AND v.value > 0
            ORDER BY v.value DESC, v.report_activity_id
            LIMIT @top
            """);

        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var targetCounts = new Dictionary<int, int>();
        Task totalsRead;
        NpgsqlConnection? second = null;
        if (parallel)
        {
            // Same data source and pool as the context's connection.
            second = (NpgsqlConnection)((ICloneable)connection).Clone();
            await second.OpenAsync(ct);
            numbers.Connection = second;
            numbers.Transaction = null;
            totalsRead = ReadNumbersAsync(numbers, numbers.BatchCommands.Count - 1, totals, targetCounts, ct);
        }
        else
        {
            await ReadNumbersAsync(numbers, numbers.BatchCommands.Count - 1, totals, targetCounts, ct);
            totalsRead = Task.CompletedTask;
        }
        try
        {
            var raw = await ReadUnitsAsync(batch, targetResults, totals, targetCounts, ct);
            await totalsRead;
            return raw;
        }
        finally
        {
            // Never leave the second batch running: its reader must be done before the connection goes back.
            await Task.WhenAny(totalsRead);
            if (second is not null) await second.DisposeAsync();
        }
    }

    private static async Task ReadNumbersAsync(NpgsqlBatch batch, int results, Dictionary<string, decimal> totals,
        Dictionary<int, int> targetCounts, CancellationToken ct)
    {
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < results; i++)
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                // Metric rows and target rows, the only writers to these dictionaries at the time.
                if (reader.GetString(0) == "metric")
                    lock (totals) totals[reader.GetString(1)] = totals.GetValueOrDefault(reader.GetString(1)) + (reader.IsDBNull(2) ? 0 : reader.GetDecimal(2));
                else lock (targetCounts) targetCounts[int.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetInt32(3);
            }
        }
    }

    private static async Task<Raw> ReadUnitsAsync(NpgsqlBatch batch, int targetResults, Dictionary<string, decimal> totals,
        Dictionary<int, int> targetCounts, CancellationToken ct)
    {
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct); // past set_config
        await reader.ReadAsync(ct);
        var units = reader.GetInt32(4);
        var unitsReported = reader.GetInt32(5);
        var missing = new List<MissingCluster>();
        while (await reader.ReadAsync(ct))
        {
            var cluster = reader.IsDBNull(3) ? null : reader.GetString(3);
            var unit = new MissingUnit(reader.GetInt32(1), reader.GetString(2), reader.GetInt32(4));
            if (missing.Count > 0 && missing[^1].Cluster == cluster) ((List<MissingUnit>)missing[^1].Units).Add(unit);
            else missing.Add(new MissingCluster(cluster, new List<MissingUnit> { unit }));
        }

        await reader.NextResultAsync(ct);
        var status = new Dictionary<int, StatusRow>();
        while (await reader.ReadAsync(ct))
            status[reader.GetInt32(0)] = new StatusRow(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));

        // Target counts, and which totals count an estimate ("approx" rows).
        var approximate = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < targetResults; i++)
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetString(0) == "approx") approximate.Add(reader.GetString(1));
                else lock (targetCounts) targetCounts[int.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetInt32(3);
            }
        }

        await reader.NextResultAsync(ct);
        var highlights = new List<Highlight>();
        while (await reader.ReadAsync(ct))
            highlights.Add(new Highlight(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetDecimal(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));

        return new Raw(units, unitsReported, status, missing, totals, approximate, targetCounts, highlights);
    }
}
