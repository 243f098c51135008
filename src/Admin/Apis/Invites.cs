using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// Invite settings: the Telegram bot's username for deep links (configuration <c>Telegram:BotUsername</c>) and how
/// long a code stays valid (<c>Invites:ExpiryDays</c>).
/// </summary>
public sealed class InviteOptions
{
    [RegularExpression("^[A-Za-z0-9_]{3,64}$")]
    public string BotUsername { get; set; } = "YouthMonthBot";

    [Range(1, 365)]
    public int ExpiryDays { get; set; } = 14;

    public static void Register(IServiceCollection services) =>
        services.AddOptions<InviteOptions>()
            .BindConfiguration("Invites")
            .Configure<IConfiguration>((o, config) => o.BotUsername = config["Telegram:BotUsername"] ?? o.BotUsername)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}

public sealed record InviteRequest(int? ExpiryDays);

public sealed record InviteResponse(string Code, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt,
    string TelegramLink, string QrUrl);

/// <summary>Creating, listing and drawing invite codes for contacts and leader chats (routes in ContactsApi and LeaderChatsApi).</summary>
internal static class Invites
{
    public static InviteResponse Response(InviteCode i, InviteOptions options, string basePath) =>
        new(i.Code, i.CreatedAt, i.ExpiresAt, i.UsedAt, InviteCodes.TelegramLink(options.BotUsername, i.Code), $"{basePath}/invites/{i.Code}/qr");

    public static async Task<Results<Created<InviteResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(YouthMonthDb db, TimeProvider clock,
        InviteOptions options, InviteRequest? request, int? contactId, int? leaderChatId, string basePath, CancellationToken ct)
    {
        var days = request?.ExpiryDays ?? options.ExpiryDays;
        if (days is < 1 or > 365) return Infrastructure.ApiResults.Invalid("expiryDays", "Số ngày hiệu lực từ 1 đến 365.");
        var now = clock.GetUtcNow();
        var invite = new InviteCode
        {
            Code = InviteCodes.NewCode(), ContactId = contactId, LeaderChatId = leaderChatId, CreatedAt = now, ExpiresAt = now.AddDays(days),
        };
        db.InviteCodes.Add(invite);
        await db.SaveChangesAsync(ct);
        var response = Response(invite, options, basePath);
        return TypedResults.Created(response.QrUrl[..response.QrUrl.LastIndexOf("/qr", StringComparison.Ordinal)], response);
    }

    public static async Task<List<InviteResponse>> ListAsync(IQueryable<InviteCode> codes, InviteOptions options, string basePath, CancellationToken ct) =>
        [.. (await codes.AsNoTracking().OrderByDescending(i => i.CreatedAt).ToListAsync(ct)).Select(i => Response(i, options, basePath))];

    public static Results<FileContentHttpResult, ProblemHttpResult> Qr(InviteCode? invite, InviteOptions options)
    {
        if (invite is null) return Infrastructure.ApiResults.NotFound("Không có mã mời này.");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(InviteCodes.TelegramLink(options.BotUsername, invite.Code), QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(10);
        return TypedResults.File(png, "image/png", $"invite-{invite.Code}.png");
    }
}
