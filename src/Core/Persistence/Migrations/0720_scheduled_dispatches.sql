-- Plan triggers the minutely tick has handed to the job engine (Hangfire), one row per trigger, so that two
-- ticks (two Bot hosts, a tick restarted after a crash) hand a trigger over once; see Core/Scheduling/PlanJobs.cs.
CREATE TABLE scheduled_dispatches (
    key character varying(200) NOT NULL,
    campaign_id integer NOT NULL,
    job_id character varying(100),
    dispatched_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_scheduled_dispatches PRIMARY KEY (key)
);
