-- Issue 11: a number typed as an estimate ("khoảng 200", "hơn 50", "gần 300") is counted and marked, so the
-- review, /tonghop and the exports can show it with "≈".
ALTER TABLE report_values ADD COLUMN approximate boolean NOT NULL DEFAULT false;
ALTER TABLE report_values ALTER COLUMN approximate DROP DEFAULT;
CREATE INDEX ix_report_values_report_id ON report_values (report_id) WHERE approximate;
