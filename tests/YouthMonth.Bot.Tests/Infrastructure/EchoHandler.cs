using System.Collections.Concurrent;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// The channel tests' stand-in for the dialogs: answers what it received, so a test sees the whole path
/// (platform → inbox → handler → outbox → platform). "chọn" offers two choices, "dài:N" answers N numbered
/// lines, "ảnh:ID" sends stored photo ID back.
/// </summary>
public sealed class EchoHandler(HandledLog log) : IMessageHandler
{
    public static readonly IReadOnlyList<IReadOnlyList<Choice>> YesNo = [[new Choice("c:yes", "Có"), new Choice("c:no", "Không")]];

    public Task HandleAsync(Conversation conversation, CancellationToken ct)
    {
        var m = conversation.Message;
        log.Add(m);
        if (m.CallbackData is not null)
            conversation.Reply($"bấm: {m.CallbackData}" + (m.Text is null ? "" : $" ({m.Text})"));
        else if (m.Photos.Count > 0)
            conversation.Reply("ảnh: " + string.Join(", ", m.Photos.Select(p => p.StoredPhotoId?.ToString() ?? $"từ chối {p.RejectedReason}" + (p.MaxBytes is { } max ? $" ≤{max}" : "")))
                + (m.Text is null ? "" : $" — {m.Text}"));
        else if (m.Command is not null)
            conversation.Reply($"lệnh: {m.Command}" + (m.CommandArgs is null ? "" : $" {m.CommandArgs}"));
        else if (m.Contact is not null)
            conversation.Reply($"số: {m.Contact.PhoneNumber}");
        else if (m.Text == "chọn")
            conversation.Reply(new OutgoingMessage { Text = "Chọn một:", Choices = YesNo });
        else if (m.Text?.StartsWith("dài:", StringComparison.Ordinal) == true)
            conversation.Reply(string.Join('\n', Enumerable.Range(1, int.Parse(m.Text[4..])).Select(i => $"Dòng {i:D4} " + new string('x', 90))));
        else if (m.Text?.StartsWith("ảnh:", StringComparison.Ordinal) == true)
            conversation.Reply(new OutgoingMessage { Text = "Ảnh của bạn", PhotoId = int.Parse(m.Text[4..]) });
        else
            conversation.Reply($"nhận: {m.Text}");
        return Task.CompletedTask;
    }
}

/// <summary>Every message a test handler saw, in handling order.</summary>
public sealed class HandledLog
{
    private readonly ConcurrentQueue<IncomingMessage> _messages = new();
    public void Add(IncomingMessage message) => _messages.Enqueue(message);
    public IReadOnlyList<IncomingMessage> Messages => _messages.ToList();
}
