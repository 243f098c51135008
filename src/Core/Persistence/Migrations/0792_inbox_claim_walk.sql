-- inbox_claim (0791) with a walk whose cost does not depend on the table's statistics. 0791 filtered the walk with
-- NOT EXISTS (an older pending row of the same chat); on an inbox that filled up since it was last analyzed (a
-- Friday morning, or any new database) PostgreSQL planned that anti-join as a scan of the whole pending index per
-- candidate, and a PL/pgSQL FOR loop fetches ten candidates at a time: ≈ 800 buffers and 1.6 ms per claim at 1,000
-- waiting chats (docs/benchmarks.md, dialog-turns). Now the walk is a cursor read one row at a time in id order,
-- and each candidate is checked on its own (one index probe) before its chat is locked; usually the first or
-- second candidate is taken. What it returns is unchanged: the oldest pending message of the first chat (in id
-- order, among the first 32 chat heads that are ready) whose advisory lock is free, locked FOR UPDATE; exactly one
-- chat lock per successful claim.
CREATE OR REPLACE FUNCTION inbox_claim(p_now timestamptz) RETURNS SETOF inbox LANGUAGE plpgsql AS $$
DECLARE
    ready CURSOR FOR
        SELECT i.id, i.channel, i.chat_id FROM inbox i
        WHERE i.processed_at IS NULL AND (i.not_before IS NULL OR i.not_before <= p_now)
        ORDER BY i.id;
    c record;
    r inbox;
    heads int := 0;
BEGIN
    OPEN ready;
    LOOP
        FETCH ready INTO c;
        EXIT WHEN NOT FOUND;
        -- Not its chat's oldest pending message: the older one waits for a retry, so the chat waits too.
        CONTINUE WHEN EXISTS (SELECT 1 FROM inbox e WHERE e.channel = c.channel AND e.chat_id = c.chat_id
                                                      AND e.processed_at IS NULL AND e.id < c.id);
        heads := heads + 1;
        EXIT WHEN heads > 32;
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
