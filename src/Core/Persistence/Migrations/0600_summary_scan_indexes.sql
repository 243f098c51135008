-- Summaries, measured on 10,000 units × 5 periods (docs/benchmarks.md): coverage targets read the report ids of one
-- activity category from the index alone instead of scanning every activity; per-unit-minimum targets read the
-- values of their one metric (with the value) from the index instead of probing every counted report.
CREATE INDEX ix_report_activities_category_report_id ON report_activities (category, report_id);
CREATE INDEX ix_report_values_metric_code_report_id ON report_values (metric_code, report_id) INCLUDE (value, report_activity_id);
