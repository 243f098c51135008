-- One number that changes whenever any plan row changes, so a process may keep the plan in memory and still see
-- an office edit on the very next dialog turn: every turn reads this row (with its dialog state) and drops its
-- cached plan when the number moved. Statement-level triggers, so a bulk import bumps it once per statement.
CREATE TABLE plan_version (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    value bigint NOT NULL
);
INSERT INTO plan_version (id, value) VALUES (true, 1);

CREATE FUNCTION bump_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE plan_version SET value = value + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER plan_version_organisations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
CREATE TRIGGER plan_version_campaigns AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
CREATE TRIGGER plan_version_periods AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON periods FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
CREATE TRIGGER plan_version_metrics AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metrics FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
CREATE TRIGGER plan_version_activities AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
CREATE TRIGGER plan_version_activity_units AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_responsible_units FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
CREATE TRIGGER plan_version_targets AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON targets FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_version();
