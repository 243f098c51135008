using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Local;

/// <summary>
/// The local web chat has no platform to call: a message is delivered by marking its outbox row sent, and the
/// page reads sent rows (GET /local/messages). So it takes the same path, pacing aside, as Telegram and Zalo.
/// </summary>
public sealed class LocalSender(IOptions<LocalChatOptions> options) : IChannelSender
{
    public Channel Channel => Channel.Local;
    public bool Enabled => options.Value.Enabled;
    public bool NumbersChoices => true;
    public PacingLimits? Pacing => null;

    public Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken ct) =>
        Task.FromResult<string?>($"local-{delivery.OutboxId}");
}
