-- Send pacing shared by every Bot instance (docs/channels.md, "Pacing"). One row per budget:
--   '<channel>:<bot id>'                 the token's global rate: next_at = the next free global slot;
--   '<channel>:<bot id>:chat:<chat id>'  a chat: next_at = not before (per-chat gap); recent = the last
--                                        group-limit send times of a group chat (sliding one-minute budget).
-- Rows are reserved in their own short transactions (not the sender's claim transaction), so another instance
-- sees a reservation at once. Times are the database's clock_timestamp(): one clock for every host.
CREATE TABLE send_pacing (
    key character varying(200) NOT NULL,
    next_at timestamp with time zone NOT NULL,
    recent timestamp with time zone[],
    CONSTRAINT pk_send_pacing PRIMARY KEY (key)
);

-- Reserves the next global slot for a message to a chat whose gap and group budget (p_group_limit per
-- p_group_window; 0 = not a group) allow a send now; returns the slot and how long to wait for it, or NULLs (and
-- reserves nothing) when the chat must wait: a global slot reserved for later would hold up every other chat.
-- p_chat NULL: the global slot only (a further part of the same message). Locks the chat row, then the global row.
CREATE FUNCTION send_pacing_reserve(p_global text, p_global_gap interval, p_chat text, p_chat_gap interval,
                                    p_group_limit integer, p_group_window interval)
RETURNS TABLE (slot timestamp with time zone, wait_seconds double precision)
LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
    at timestamptz := started;
    chat_next timestamptz;
    chat_recent timestamptz[];
    global_next timestamptz;
    n integer;
BEGIN
    IF p_chat IS NOT NULL THEN
        INSERT INTO send_pacing (key, next_at) VALUES (p_chat, '-infinity') ON CONFLICT (key) DO NOTHING;
        SELECT p.next_at, p.recent INTO chat_next, chat_recent FROM send_pacing p WHERE p.key = p_chat FOR UPDATE;
        at := greatest(at, chat_next);
        n := coalesce(cardinality(chat_recent), 0);
        IF p_group_limit > 0 AND n >= p_group_limit THEN
            at := greatest(at, chat_recent[n - p_group_limit + 1] + p_group_window);
        END IF;
        IF at > started THEN
            RETURN NEXT;
            RETURN;
        END IF;
    END IF;
    INSERT INTO send_pacing (key, next_at) VALUES (p_global, '-infinity') ON CONFLICT (key) DO NOTHING;
    SELECT p.next_at INTO global_next FROM send_pacing p WHERE p.key = p_global FOR UPDATE;
    at := greatest(at, global_next);
    UPDATE send_pacing p SET next_at = at + p_global_gap WHERE p.key = p_global;
    IF p_chat IS NOT NULL THEN
        UPDATE send_pacing p SET next_at = at + p_chat_gap,
            recent = CASE WHEN p_group_limit > 0 THEN (chat_recent || at)[greatest(1, n + 2 - p_group_limit):] END
        WHERE p.key = p_chat;
    END IF;
    slot := at;
    wait_seconds := greatest(0, extract(epoch FROM at - clock_timestamp()));
    RETURN NEXT;
END
$$;
