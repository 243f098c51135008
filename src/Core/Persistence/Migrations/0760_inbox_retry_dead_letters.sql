-- Inbox retries with backoff and dead letters (docs/channels.md, "Nothing a user sent is dropped").
-- not_before: a message that failed for a passing reason waits until then, and its chat's later messages wait behind it.
-- dead_lettered_at: a message that failed for good; the chat moved on, the office sees it and may retry it.
ALTER TABLE inbox ADD not_before timestamp with time zone;
ALTER TABLE inbox ADD dead_lettered_at timestamp with time zone;
CREATE INDEX ix_inbox_dead_lettered_at ON inbox (dead_lettered_at) WHERE dead_lettered_at IS NOT NULL;
