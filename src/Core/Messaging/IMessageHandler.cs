using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>One inbound message being handled: the chat it came from and the replies to send.</summary>
public sealed class Conversation(YouthMonthDb db, ChatAccount chat, IncomingMessage message, DateTimeOffset now)
{
    public YouthMonthDb Db { get; } = db;
    public ChatAccount Chat { get; } = chat;
    public IncomingMessage Message { get; } = message;
    /// <summary>The moment the turn is handled (from the injected clock).</summary>
    public DateTimeOffset Now { get; } = now;
    public List<OutgoingMessage> Replies { get; } = [];
    /// <summary>What ChatProcessor read with the chat (dialog state, unsent replies); null for other callers.</summary>
    internal TurnStore.Prefetch? Prefetched { get; init; }

    public void Reply(string text) => Replies.Add(new OutgoingMessage { Text = text });
    public void Reply(OutgoingMessage message) => Replies.Add(message);
}

/// <summary>
/// Decides what to do with one message (the dialogs). Everything it changes through <see cref="Conversation.Db"/>
/// and every reply commits in one transaction together with marking the message handled.
/// </summary>
public interface IMessageHandler
{
    Task HandleAsync(Conversation conversation, CancellationToken ct);
}

/// <summary>
/// Prepares an inbound message before it is handled, e.g. downloads its photos and stores them
/// (sets <see cref="IncomingPhoto.StoredPhotoId"/>). Implemented by the channel adapters in the Bot host.
/// </summary>
public interface IIncomingMediaStore
{
    /// <param name="lastAttempt">
    /// The photo's last try (the message's last, or the next wait would be <see cref="ChatProcessor.LongWait"/> or
    /// more): a photo that still cannot be fetched must then be marked (<see cref="PhotoRejection.DownloadFailed"/>)
    /// instead of failing the message, so the text and the other photos still reach the dialogs and the report can
    /// be finished.
    /// </param>
    Task<IncomingMessage> StoreMediaAsync(IncomingMessage message, bool lastAttempt, CancellationToken ct);
}
