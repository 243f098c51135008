using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Text;

namespace YouthMonth.Bot.Channels.Local;

/// <summary>
/// The local channel for development and demos: chat as any chat id through the same inbox, dialogs and outbox
/// as Telegram and Zalo. Replies are the outbox rows the local sender marked sent.
/// </summary>
public static class LocalChatApi
{
    // POST /local/messages   {chatId, name?, text?, callbackData?, group?, id?}: as if the chat wrote to the bot
    // POST /local/photos     multipart: chatId, name?, caption?, file
    // GET  /local/messages?chatId=&after=   the bot's replies to that chat after outbox id `after`
    // GET  /local/chats      chats seen on the local channel, then every active contact ("contact-{id}") and
    //                        leader chat ("leaders-{id}") of the plan: writing as one of those ids binds the chat to it
    //                        (a demo shortcut for the invite-code step)
    // GET  /chat             the web page
    public static void MapLocalChatApi(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/local").AddEndpointFilter(async (ctx, next) =>
            Access(ctx.HttpContext) ?? await next(ctx)).AddEndpointFilter(DatabaseUnavailableAsync);
        local.MapPost("/messages", SendMessageAsync);
        local.MapPost("/photos", SendPhotoAsync).DisableAntiforgery();
        local.MapGet("/messages", GetRepliesAsync);
        local.MapGet("/chats", GetChatsAsync);
        // The page itself holds no data; it asks for the key when the endpoints answer 403.
        app.MapGet("/chat", (IOptions<LocalChatOptions> options) =>
            options.Value.Enabled ? Results.Content(LocalChatPage.Html, "text/html; charset=utf-8") : Results.NotFound())
            .ExcludeFromDescription();
    }

    public const string KeyHeader = "X-Local-Key";

    /// <summary>
    /// Null when the request may use the local chat: it is enabled, and the caller is this machine or knows the key.
    /// A request relayed by a proxy on this machine arrives from loopback, so a forwarding header counts as remote.
    /// </summary>
    public static IResult? Access(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<LocalChatOptions>>().Value;
        if (!options.Enabled) return TypedResults.NotFound();
        var remote = http.Connection.RemoteIpAddress;
        var local = (remote is null || IPAddress.IsLoopback(remote))
            && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
        if (local) return null;
        if (!string.IsNullOrEmpty(options.Key) && http.Request.Headers[KeyHeader].ToString() is { Length: > 0 } given
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.Key)))
            return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cần khóa của trò chuyện cục bộ",
            detail: string.IsNullOrEmpty(options.Key)
                ? "Trò chuyện cục bộ chỉ dùng được trên chính máy chủ này (chưa đặt Local:Key)."
                : $"Gửi khóa trong tiêu đề {KeyHeader}.");
    }

    /// <summary>Seconds the page (or a script) should wait before sending again when the database is unreachable.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The database unreachable or timing out (not a bug, not bad input): 503 with Retry-After and ProblemDetails,
    /// as the webhooks answer, instead of a 500. Nothing was stored, so sending the same message again is safe.
    /// </summary>
    private static async ValueTask<object?> DatabaseUnavailableAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        try
        {
            return await next(ctx);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && (e is InboxUnavailableException || Faults.IsTransient(e)))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalChatApi))
                .LogWarning("Local chat {Method} {Path} not served, database unavailable: {Error}", http.Request.Method, http.Request.Path, e.Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Tạm thời chưa nhận được tin nhắn",
                detail: $"Cơ sở dữ liệu đang không truy cập được; tin nhắn chưa được lưu. Hãy gửi lại sau {RetryAfterSeconds} giây.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public sealed record LocalMessageRequest(string? ChatId, string? Name, string? Text, string? CallbackData, bool Group = false, string? Id = null);
    public sealed record Accepted(bool Stored);
    public sealed record LocalReply(long Id, string Text, IReadOnlyList<IReadOnlyList<Choice>> Choices, bool RequestContact,
        string? PhotoUrl, DateTimeOffset? SentAt);
    public sealed record LocalChat(string ChatId, string? DisplayName, string? BoundTo, DateTimeOffset? LastSeenAt);

    public static async Task<Results<Ok<Accepted>, ValidationProblem>> SendMessageAsync(
        LocalMessageRequest request, InboundPipeline pipeline, YouthMonthDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request.ChatId) is { } problem) return problem;
        await BindToPlanAsync(db, request.ChatId!.Trim(), clock, ct);
        var text = VietnameseText.Clean(request.Text);
        if (string.IsNullOrEmpty(text) && string.IsNullOrEmpty(request.CallbackData))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Nhập nội dung tin nhắn hoặc chọn một nút."] });
        CommandText.TryParse(text, null, out var command, out var args, out _);
        var message = new IncomingMessage
        {
            Channel = Channel.Local,
            ChatId = request.ChatId!.Trim(),
            ChatType = request.Group ? ChatType.Group : ChatType.Private,
            UserId = request.ChatId.Trim(),
            UserName = VietnameseText.Clean(request.Name) is { Length: > 0 } name ? name : null,
            SentAt = clock.GetUtcNow(),
            Text = text,
            Command = string.IsNullOrEmpty(command) ? null : command,
            CommandArgs = args,
            CallbackData = string.IsNullOrEmpty(request.CallbackData) ? null : request.CallbackData,
        };
        var stored = await pipeline.AcceptAsync(Channel.Local, new InboundUpdate.Message(request.Id ?? Guid.NewGuid().ToString("N"), message), ct);
        return TypedResults.Ok(new Accepted(stored));
    }

    public static async Task<Results<Ok<Accepted>, ValidationProblem>> SendPhotoAsync(
        HttpRequest request, InboundPipeline pipeline, PhotoLibrary photos, YouthMonthDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Gửi ảnh dạng multipart/form-data."] });
        var form = await request.ReadFormAsync(ct);
        var chatId = form["chatId"].ToString();
        if (Validate(chatId) is { } problem) return problem;
        await BindToPlanAsync(db, chatId.Trim(), clock, ct);
        if (form.Files.GetFile("file") is not { } file)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Chọn một ảnh để gửi."] });

        IncomingPhoto photo;
        if (file.Length > photos.MaxBytes)
        {
            photo = new IncomingPhoto { FileSize = file.Length, RejectedReason = PhotoRejection.TooLarge, MaxBytes = photos.MaxBytes };
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var (stored, rejected) = await photos.SaveAsync(buffer.ToArray(), null, null, null, null, ct);
            photo = new IncomingPhoto
            {
                FileSize = file.Length, StoredPhotoId = stored?.Id, RejectedReason = rejected,
                MaxBytes = rejected == PhotoRejection.TooLarge ? photos.MaxBytes : null,
            };
        }
        var message = new IncomingMessage
        {
            Channel = Channel.Local,
            ChatId = chatId.Trim(),
            UserId = chatId.Trim(),
            UserName = VietnameseText.Clean(form["name"].ToString()) is { Length: > 0 } name ? name : null,
            SentAt = clock.GetUtcNow(),
            Text = VietnameseText.Clean(form["caption"].ToString()) is { Length: > 0 } caption ? caption : null,
            Photos = [photo],
        };
        var accepted = await pipeline.AcceptAsync(Channel.Local, new InboundUpdate.Message(Guid.NewGuid().ToString("N"), message), ct);
        return TypedResults.Ok(new Accepted(accepted));
    }

    public static async Task<Results<Ok<List<LocalReply>>, ValidationProblem>> GetRepliesAsync(
        string? chatId, long? after, YouthMonthDb db, PhotoLibrary photos, CancellationToken ct)
    {
        if (Validate(chatId) is { } problem) return problem;
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.Channel == Channel.Local && o.ChatId == chatId!.Trim() && o.State == OutboxState.Sent && o.Id > (after ?? 0))
            .OrderBy(o => o.Id).Take(200).ToListAsync(ct);
        var replies = new List<LocalReply>(rows.Count);
        foreach (var row in rows)
        {
            var m = MessageJson.Deserialize<OutgoingMessage>(row.Payload);
            string? photoUrl = null;
            if (m.PhotoId is { } id && await db.Photos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } photo)
                photoUrl = $"/photos/{photo.Sha256}";
            replies.Add(new LocalReply(row.Id, m.Text, m.Choices, m.RequestContact, photoUrl, row.SentAt));
        }
        return TypedResults.Ok(replies);
    }

    public static async Task<Ok<List<LocalChat>>> GetChatsAsync(YouthMonthDb db, CancellationToken ct)
    {
        var seen = await db.ChatAccounts.AsNoTracking()
            .Where(a => a.Channel == Channel.Local)
            .OrderByDescending(a => a.LastSeenAt)
            .Select(a => new LocalChat(a.ChatId, a.DisplayName,
                a.Contact != null ? a.Contact.Name : a.LeaderChat != null ? a.LeaderChat.Name : null, a.LastSeenAt))
            .Take(200).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id)
            .Select(c => new LocalChat($"contact-{c.Id}", c.Name, c.Unit != null ? $"{c.Role ?? "Liên hệ"} — {c.Unit.Name}" : c.Role, null))
            .Take(500).ToListAsync(ct);
        var leaders = await db.LeaderChats.AsNoTracking().Where(l => l.Active).OrderBy(l => l.Id)
            .Select(l => new LocalChat($"leaders-{l.Id}", l.Name, "Nhóm lãnh đạo", null))
            .ToListAsync(ct);
        return TypedResults.Ok(seen.Concat(contacts.Concat(leaders).Where(p => seen.All(s => s.ChatId != p.ChatId))).ToList());
    }

    /// <summary>"contact-12" / "leaders-3" speak as that contact or leader chat: the chat account is bound on first use.</summary>
    private static async Task BindToPlanAsync(YouthMonthDb db, string chatId, TimeProvider clock, CancellationToken ct)
    {
        var contactId = chatId.StartsWith("contact-", StringComparison.Ordinal) && int.TryParse(chatId[8..], out var c) ? c : (int?)null;
        var leaderChatId = chatId.StartsWith("leaders-", StringComparison.Ordinal) && int.TryParse(chatId[8..], out var l) ? l : (int?)null;
        if (contactId is null && leaderChatId is null) return;
        if (await db.ChatAccounts.AnyAsync(a => a.Channel == Channel.Local && a.ChatId == chatId, ct)) return;
        if (contactId is not null && !await db.Contacts.AnyAsync(x => x.Id == contactId, ct)) return;
        if (leaderChatId is not null && !await db.LeaderChats.AnyAsync(x => x.Id == leaderChatId, ct)) return;
        db.ChatAccounts.Add(new ChatAccount
        {
            Channel = Channel.Local,
            ChatId = chatId,
            ChatType = leaderChatId is null ? ChatType.Private : ChatType.Group,
            ContactId = contactId,
            LeaderChatId = leaderChatId,
            CreatedAt = clock.GetUtcNow(),
        });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* created by a concurrent request: fine */ }
    }

    private static ValidationProblem? Validate(string? chatId) =>
        string.IsNullOrWhiteSpace(chatId) || chatId.Trim().Length > 64
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["chatId"] = ["Nhập mã cuộc trò chuyện (1–64 ký tự)."] })
            // PostgreSQL refuses NUL in text: without this check the lookup fails like an outage (503) instead of as bad input.
            : !StorableText.IsStorable(chatId)
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["chatId"] = [StorableText.Problem] })
                : null;
}

/// <summary>GET /photos/{sha256}: stored photos, so Zalo (which cannot take uploads) and the web chat can show them.</summary>
public static class PhotoFilesApi
{
    public static void MapPhotoFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/photos/{sha256}", GetAsync).ExcludeFromDescription();

    public static async Task<Results<PhysicalFileHttpResult, NotFound>> GetAsync(string sha256, YouthMonthDb db, PhotoLibrary library, CancellationToken ct)
    {
        // Only a SHA-256 in hex can name a photo; anything else (a NUL included, which PostgreSQL refuses) is not one.
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit)) return TypedResults.NotFound();
        var photo = await db.Photos.AsNoTracking().FirstOrDefaultAsync(p => p.Sha256 == sha256.ToLowerInvariant(), ct);
        if (photo is null) return TypedResults.NotFound();
        var path = library.FullPath(photo.StoragePath);
        return File.Exists(path) ? TypedResults.PhysicalFile(path, photo.ContentType) : TypedResults.NotFound();
    }
}
