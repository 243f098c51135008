-- /health/ready counts failed outbox rows on every probe; the partial index keeps that a lookup.
CREATE INDEX ix_outbox_state ON outbox (state) WHERE state = 'Failed';
