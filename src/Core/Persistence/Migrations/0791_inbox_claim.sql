-- A dialog turn's claim in one round trip instead of three (candidates, advisory lock, row): the oldest pending
-- messages that are their chat's oldest (the ix_inbox_id walk of 0780, at most 32), the first whose chat's
-- transaction-scoped advisory lock is free, and that chat's oldest pending row locked FOR UPDATE. Exactly one
-- chat lock is taken per successful claim (a chat whose row vanished or waits for a retry keeps its lock until the
-- transaction ends, as before). The lock key is the one ChatUnbinding takes: hashtextextended(channel:chat_id).
-- Returns no row when no chat has work that is free to take. See ChatProcessor / TurnStore.
CREATE FUNCTION inbox_claim(p_now timestamptz) RETURNS SETOF inbox LANGUAGE plpgsql AS $$
DECLARE
    c record;
    r inbox;
BEGIN
    FOR c IN
        SELECT i.channel, i.chat_id FROM inbox i
        WHERE i.processed_at IS NULL AND (i.not_before IS NULL OR i.not_before <= p_now)
          AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.channel = i.channel AND e.chat_id = i.chat_id
                          AND e.processed_at IS NULL AND e.id < i.id)
        ORDER BY i.id LIMIT 32
    LOOP
        CONTINUE WHEN NOT pg_try_advisory_xact_lock(hashtextextended(c.channel || ':' || c.chat_id, 0));
        -- Another worker may have finished this chat's oldest message between the walk and the lock.
        SELECT * INTO r FROM inbox
        WHERE channel = c.channel AND chat_id = c.chat_id AND processed_at IS NULL
        ORDER BY id LIMIT 1 FOR UPDATE;
        IF FOUND AND (r.not_before IS NULL OR r.not_before <= p_now) THEN
            RETURN NEXT r;
            RETURN;
        END IF;
    END LOOP;
END $$;
