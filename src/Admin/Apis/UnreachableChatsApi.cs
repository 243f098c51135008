using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// GET /api/organisations/{id}/unreachable-chats
///
/// Chats the platform refused (the contact blocked the bot or never pressed Start, the bot left a leader group).
/// The sender stops writing to them and reminders skip them, so office staff see them here and follow up by phone.
/// </summary>
public static class UnreachableChatsApi
{
    public static IEndpointRouteBuilder MapUnreachableChatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organisations").WithTags("Unreachable chats");
        api.MapGet("/{id:int}/unreachable-chats", ListUnreachableChats).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<List<UnreachableChat>>, ProblemHttpResult>> ListUnreachableChats(
        YouthMonthDb db, int id, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct)) return ApiResults.NotFound($"Không có tổ chức #{id}.");
        return TypedResults.Ok(await UnreachableChats.ListAsync(db, id, ct));
    }
}
