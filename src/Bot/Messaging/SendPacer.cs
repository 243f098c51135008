using System.Diagnostics;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Keeps one channel under its limits in this process: a global rate (Telegram ≈ 30/s), a minimum gap per chat
/// (1 s) and a per-group budget per minute (20). A 429 pauses the whole channel for retry_after.
/// Uses a monotonic clock: pacing is about real seconds, not the (possibly fake) domain clock.
/// </summary>
public sealed class SendPacer(double messagesPerSecond, TimeSpan perChatInterval, int groupMessagesPerMinute)
{
    private readonly Lock _lock = new();
    private readonly long _globalGap = (long)(Stopwatch.Frequency / messagesPerSecond);
    private readonly long _chatGap = (long)(perChatInterval.TotalSeconds * Stopwatch.Frequency);
    private readonly Dictionary<string, long> _chatNext = [];
    private readonly Dictionary<string, Queue<long>> _groupSends = [];
    private long _nextGlobal;
    private long _pausedUntil;

    private static long Now => Stopwatch.GetTimestamp();

    /// <summary>True when a message to this chat may be sent now (per-chat gap, group budget, no pause).</summary>
    public bool IsReady(string chatId, bool isGroup)
    {
        lock (_lock)
        {
            var now = Now;
            if (now < _pausedUntil) return false;
            if (_chatNext.TryGetValue(chatId, out var next) && now < next) return false;
            return !isGroup || !_groupSends.TryGetValue(chatId, out var sends) || Trim(sends, now) < groupMessagesPerMinute;
        }
    }

    /// <summary>Takes the next global slot for a message to this chat; returns how long to wait for it.</summary>
    public TimeSpan Reserve(string chatId, bool isGroup)
    {
        lock (_lock)
        {
            var now = Now;
            var slot = Math.Max(now, Math.Max(_nextGlobal, _pausedUntil));
            _nextGlobal = slot + _globalGap;
            _chatNext[chatId] = slot + _chatGap;
            if (isGroup)
            {
                if (!_groupSends.TryGetValue(chatId, out var sends)) _groupSends[chatId] = sends = new Queue<long>();
                sends.Enqueue(slot);
            }
            if (_chatNext.Count > 10_000) Forget(now);
            return Stopwatch.GetElapsedTime(now, slot);
        }
    }

    /// <summary>A further part of the same message: a global slot only.</summary>
    public TimeSpan ReserveGlobal()
    {
        lock (_lock)
        {
            var now = Now;
            var slot = Math.Max(now, Math.Max(_nextGlobal, _pausedUntil));
            _nextGlobal = slot + _globalGap;
            return Stopwatch.GetElapsedTime(now, slot);
        }
    }

    public void Pause(TimeSpan duration)
    {
        lock (_lock) _pausedUntil = Math.Max(_pausedUntil, Now + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    private static int Trim(Queue<long> sends, long now)
    {
        var minuteAgo = now - 60 * Stopwatch.Frequency;
        while (sends.Count > 0 && sends.Peek() < minuteAgo) sends.Dequeue();
        return sends.Count;
    }

    private void Forget(long now)
    {
        foreach (var chat in _chatNext.Where(kv => kv.Value < now).Select(kv => kv.Key).ToList()) _chatNext.Remove(chat);
        foreach (var chat in _groupSends.Where(kv => Trim(kv.Value, now) == 0).Select(kv => kv.Key).ToList()) _groupSends.Remove(chat);
    }
}
