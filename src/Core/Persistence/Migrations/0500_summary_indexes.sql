-- Summaries (docs/summaries.md). A per-activity value is skipped when its report also has a report-wide value of
-- the same metric: that lookup reads only the (few) report-wide rows. Highlights read the largest participant
-- numbers first and stop after a few.
CREATE INDEX ix_report_values_report_id_metric_code ON report_values (report_id, metric_code) WHERE report_activity_id IS NULL;
CREATE INDEX ix_report_values_metric_code_value_report_activity_id ON report_values (metric_code, value DESC, report_activity_id) WHERE report_activity_id IS NOT NULL;
