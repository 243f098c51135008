-- Issue 16: what a final period asks (JSON, null = the kind's default), the organisation's letterhead for the
-- compiled report, a lead time before the campaign for preparation deadlines, "Hạn chế" beside the assessment,
-- and nominations with a unit/position and more than one nominee of a kind.
ALTER TABLE periods ADD COLUMN questions jsonb;
ALTER TABLE organisations ADD COLUMN letterhead jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE organisations ALTER COLUMN letterhead DROP DEFAULT;
ALTER TABLE campaigns ADD COLUMN lead_days integer NOT NULL DEFAULT 7;
ALTER TABLE campaigns ALTER COLUMN lead_days DROP DEFAULT;
ALTER TABLE reports ADD COLUMN limitations character varying(8000);
ALTER TABLE nominations ADD COLUMN position character varying(300);
ALTER TABLE nominations ADD COLUMN sort_order integer NOT NULL DEFAULT 0;
ALTER TABLE nominations ALTER COLUMN sort_order DROP DEFAULT;
DROP INDEX ix_nominations_report_id_kind;
CREATE UNIQUE INDEX ix_nominations_report_id_kind_sort_order ON nominations (report_id, kind, sort_order);
