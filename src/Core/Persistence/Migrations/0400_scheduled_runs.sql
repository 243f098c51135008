-- Plan triggers (reminders, leader alerts and posts) whose fan-out completed; see Core/Scheduling/ScheduledRun.cs.
CREATE TABLE scheduled_runs (
    key character varying(200) NOT NULL,
    campaign_id integer NOT NULL,
    completed_at timestamp with time zone NOT NULL,
    enqueued integer NOT NULL,
    CONSTRAINT pk_scheduled_runs PRIMARY KEY (key)
);

CREATE INDEX ix_scheduled_runs_campaign_id ON scheduled_runs (campaign_id);
