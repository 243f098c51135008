-- Issue 11: whether each reported activity needs at least one photo is the period's own setting (plan JSON
-- periods[].photosRequired, admin API, the period form). Before this, weekly, kick-off and event-day reports always
-- asked for one: existing periods keep that; new ones follow their plan (default: photos optional).
ALTER TABLE periods ADD COLUMN photos_required boolean NOT NULL DEFAULT false;
UPDATE periods SET photos_required = true WHERE kind <> 'Final';
