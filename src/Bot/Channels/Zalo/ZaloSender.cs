using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Zalo;

/// <summary>
/// Outbox messages as Zalo messages: plain text ≤ 2000 characters, choices as a numbered list, photos by public
/// URL (Photos:PublicBaseUrl) since Zalo cannot take uploads; without that URL only the text is sent.
/// </summary>
public sealed class ZaloSender(ZaloClient client, IOptions<ZaloOptions> options, IServiceProvider services) : IChannelSender
{
    public Channel Channel => Channel.Zalo;
    public bool Enabled => options.Value.Enabled;
    public bool NumbersChoices => true;
    public PacingLimits? Pacing { get; } = new(PacingLimits.ScopeOf(nameof(Channel.Zalo), options.Value.Token),
        options.Value.MessagesPerSecond, TimeSpan.FromMilliseconds(options.Value.PerChatIntervalMs), 20);

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        var text = ChoiceAnswers.RenderNumbered(delivery.Message.Text, delivery.Message.Choices);
        string? lastId = null;
        if (delivery.Message.PhotoId is { } photoId)
        {
            var photo = await delivery.Db.Photos.SingleAsync(p => p.Id == photoId, ct);
            if (services.GetRequiredService<PhotoLibrary>().PublicUrl(photo) is { } url)
            {
                var captionFits = text.Length <= ZaloClient.TextLimit;
                lastId = await client.SendPhotoAsync(delivery.ChatId, url, captionFits && text.Length > 0 ? text : null, ct);
                if (captionFits) return lastId;
                await delivery.NextPart(ct);
            }
        }
        var parts = TextSplitter.Split(text, ZaloClient.TextLimit);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) await delivery.NextPart(ct);
            lastId = await client.SendMessageAsync(delivery.ChatId, parts[i], ct);
        }
        return lastId;
    }
}
