-- send_pacing_reserve refused a chat whose own next time was later than "now" even when that was earlier than the
-- global slot it would get anyway: with a chat gap below the global gap (a group with no per-chat gap, or sends
-- less than one global gap apart) a send was refused for being at most one global gap early. A chat now waits
-- only when its own constraint (gap or group budget) falls after the global slot; otherwise it takes that slot.
CREATE OR REPLACE FUNCTION send_pacing_reserve(p_global text, p_global_gap interval, p_chat text, p_chat_gap interval,
                                               p_group_limit integer, p_group_window interval)
RETURNS TABLE (slot timestamp with time zone, wait_seconds double precision)
LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
    chat_at timestamptz := '-infinity';
    chat_next timestamptz;
    chat_recent timestamptz[];
    global_next timestamptz;
    at timestamptz;
    n integer := 0;
BEGIN
    IF p_chat IS NOT NULL THEN
        INSERT INTO send_pacing (key, next_at) VALUES (p_chat, '-infinity') ON CONFLICT (key) DO NOTHING;
        SELECT p.next_at, p.recent INTO chat_next, chat_recent FROM send_pacing p WHERE p.key = p_chat FOR UPDATE;
        chat_at := chat_next;
        n := coalesce(cardinality(chat_recent), 0);
        IF p_group_limit > 0 AND n >= p_group_limit THEN
            chat_at := greatest(chat_at, chat_recent[n - p_group_limit + 1] + p_group_window);
        END IF;
    END IF;
    INSERT INTO send_pacing (key, next_at) VALUES (p_global, '-infinity') ON CONFLICT (key) DO NOTHING;
    SELECT p.next_at INTO global_next FROM send_pacing p WHERE p.key = p_global FOR UPDATE;
    at := greatest(started, global_next);
    IF chat_at > at THEN
        -- Reserving a later global slot for this chat would hold up every other chat: nothing is reserved.
        RETURN NEXT;
        RETURN;
    END IF;
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
