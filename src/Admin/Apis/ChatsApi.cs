using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET    /api/contacts/{id}/chats        chats that report for the contact (Telegram, Zalo, …)
/// GET    /api/leader-chats/{id}/chats    group chats bound to the leader chat
/// DELETE /api/chats/{id}?reason=         (admin) unbinds the chat: it no longer speaks for anyone, is told so, and
///                                        the audit trail gets a row naming the key that did it
/// GET    /api/chats/audit?contactId=&amp;leaderChatId=&amp;chatId=&amp;page=&amp;pageSize=   bindings and unbindings, newest first
/// </summary>
public static class ChatsApi
{
    public static IEndpointRouteBuilder MapChatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/contacts/{id:int}/chats", ListContactChats).WithTags("Chats").RequireAuthorization(AuthPolicies.Viewer);
        app.MapGet("/api/leader-chats/{id:int}/chats", ListLeaderChatChats).WithTags("Chats").RequireAuthorization(AuthPolicies.Viewer);
        var api = app.MapGroup("/api/chats").WithTags("Chats");
        api.MapDelete("/{id:int}", UnbindChat).RequireAuthorization(AuthPolicies.Admin);
        api.MapGet("/audit", ListChatAudit).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<List<BoundChat>>, ProblemHttpResult>> ListContactChats(YouthMonthDb db, int id, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == id, ct)) return ApiResults.NotFound($"Không có người liên hệ #{id}.");
        return TypedResults.Ok(await ChatUnbinding.ListForContactAsync(db, id, ct));
    }

    public static async Task<Results<Ok<List<BoundChat>>, ProblemHttpResult>> ListLeaderChatChats(YouthMonthDb db, int id, CancellationToken ct)
    {
        if (!await db.LeaderChats.AnyAsync(l => l.Id == id, ct)) return ApiResults.NotFound($"Không có nhóm lãnh đạo #{id}.");
        return TypedResults.Ok(await ChatUnbinding.ListForLeaderChatAsync(db, id, ct));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnbindChat(
        YouthMonthDb db, TimeProvider clock, ClaimsPrincipal user, int id, string? reason, CancellationToken ct)
    {
        if (reason is not null)
        {
            if (!StorableText.IsStorable(reason)) return ApiResults.Invalid("reason", StorableText.Problem);
            if (reason.Length > ChatUnbinding.ReasonLimit)
                return ApiResults.Invalid("reason", $"Tối đa {ChatUnbinding.ReasonLimit} ký tự.");
            reason = VietnameseText.Clean(reason);
        }
        return await ChatUnbinding.UnbindAsync(db, id, $"admin:{user.Identity?.Name}", reason, clock.GetUtcNow(), ct) switch
        {
            UnbindOutcome.Unbound => TypedResults.NoContent(),
            UnbindOutcome.NotBound => ApiResults.Conflict($"Cuộc trò chuyện #{id} không gắn với người liên hệ hay nhóm lãnh đạo nào.", "id"),
            _ => ApiResults.NotFound($"Không có cuộc trò chuyện #{id}."),
        };
    }

    public static async Task<Results<Ok<Page<ChatBindingEntry>>, ValidationProblem>> ListChatAudit(YouthMonthDb db,
        int? contactId, int? leaderChatId, int? chatId, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (number, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        if (Paging.Offset(number, size) is not { } skip) return TypedResults.Ok(new Page<ChatBindingEntry>([], number, size, 0));
        var (items, total) = await ChatUnbinding.ListAuditAsync(db, contactId, leaderChatId, chatId, skip, size, ct);
        return TypedResults.Ok(new Page<ChatBindingEntry>(items, number, size, total));
    }
}
