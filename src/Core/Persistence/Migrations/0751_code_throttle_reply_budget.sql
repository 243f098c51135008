-- Flood limits (issue 10, point 3; docs/channels.md "Floods").
-- code_failures / code_failures_since: wrong invite codes of this chat in the current 15-minute window.
-- ix_outbox_channel_chat_id: counts a chat's pending replies before adding more (the per-chat reply budget).
ALTER TABLE chat_accounts ADD code_failures integer NOT NULL DEFAULT 0;
ALTER TABLE chat_accounts ADD code_failures_since timestamp with time zone;
CREATE INDEX ix_outbox_channel_chat_id ON outbox (channel, chat_id) WHERE state = 'Pending';
