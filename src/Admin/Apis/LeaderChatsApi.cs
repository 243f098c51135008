using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

public sealed record LeaderChatRequest(int? OrganisationId, string? Name, bool? Active, uint? Version);

public sealed record LeaderChatResponse(int Id, int OrganisationId, string Name, bool Active, uint Version) : IVersioned
{
    public static LeaderChatResponse From(LeaderChat l) => new(l.Id, l.OrganisationId, l.Name, l.Active, l.Version);
}

/// <summary>
/// GET    /api/leader-chats?organisationId=&amp;active=&amp;page=&amp;pageSize=
/// GET    /api/leader-chats/{id}
/// POST   /api/leader-chats
/// PUT    /api/leader-chats/{id}
/// DELETE /api/leader-chats/{id}
/// POST   /api/leader-chats/{id}/invites             (code to bind the leaders' group chat)
/// GET    /api/leader-chats/{id}/invites
/// GET    /api/leader-chats/{id}/invites/{code}/qr
/// </summary>
public static class LeaderChatsApi
{
    public static IEndpointRouteBuilder MapLeaderChatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leader-chats").WithTags("Leader chats").WithETags();
        api.MapGet("/", ListLeaderChats).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetLeaderChat).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateLeaderChat).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateLeaderChat).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteLeaderChat).RequireAuthorization(AuthPolicies.Admin);
        api.MapPost("/{id:int}/invites", CreateLeaderChatInvite).RequireAuthorization(AuthPolicies.Admin);
        api.MapGet("/{id:int}/invites", ListLeaderChatInvites).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}/invites/{code}/qr", LeaderChatInviteQr).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<Page<LeaderChatResponse>>, ValidationProblem>> ListLeaderChats(
        YouthMonthDb db, int? organisationId, bool? active, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.LeaderChats.AsNoTracking();
        if (organisationId is { } o) query = query.Where(l => l.OrganisationId == o);
        if (active is { } a) query = query.Where(l => l.Active == a);
        return TypedResults.Ok(await query.OrderBy(l => l.Id).ToPageAsync(p, size, LeaderChatResponse.From, ct));
    }

    public static async Task<Results<Ok<LeaderChatResponse>, ProblemHttpResult>> GetLeaderChat(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.LeaderChats.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is { } l
            ? TypedResults.Ok(LeaderChatResponse.From(l))
            : ApiResults.NotFound($"Không có nhóm lãnh đạo #{id}.");

    public static async Task<Results<Created<LeaderChatResponse>, ValidationProblem>> CreateLeaderChat(
        YouthMonthDb db, LeaderChatRequest request, CancellationToken ct)
    {
        if (request.OrganisationId is not { } orgId || !await db.Organisations.AnyAsync(o => o.Id == orgId, ct))
            return ApiResults.Invalid("organisationId", request.OrganisationId is null ? "Không được để trống." : $"Không có tổ chức #{request.OrganisationId}.");
        var errors = new FieldErrors();
        var chat = new LeaderChat
        {
            OrganisationId = orgId, Name = PlanRules.RequiredText(errors, "name", request.Name, 200) ?? "", Active = request.Active ?? true,
        };
        if (errors.Any) return ApiResults.Invalid(errors);
        db.LeaderChats.Add(chat);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/leader-chats/{chat.Id}", LeaderChatResponse.From(chat));
    }

    public static async Task<Results<Ok<LeaderChatResponse>, ValidationProblem, ProblemHttpResult>> UpdateLeaderChat(
        YouthMonthDb db, HttpContext http, int id, LeaderChatRequest request, CancellationToken ct)
    {
        var chat = await db.LeaderChats.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (chat is null) return ApiResults.NotFound($"Không có nhóm lãnh đạo #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (chat.Version != version) return ApiResults.StaleVersion();
        var errors = new FieldErrors();
        chat.Name = PlanRules.RequiredText(errors, "name", request.Name, 200) ?? chat.Name;
        chat.Active = request.Active ?? chat.Active;
        if (request.OrganisationId is { } o && o != chat.OrganisationId) errors.Add("organisationId", "Không chuyển sang tổ chức khác được.");
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(chat, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LeaderChatResponse.From(chat));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteLeaderChat(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.LeaderChats.Where(l => l.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có nhóm lãnh đạo #{id}.");

    public static async Task<Results<Created<InviteResponse>, ValidationProblem, ProblemHttpResult>> CreateLeaderChatInvite(
        YouthMonthDb db, TimeProvider clock, IOptions<InviteOptions> options, int id, InviteRequest? request, CancellationToken ct)
    {
        if (!await db.LeaderChats.AnyAsync(l => l.Id == id, ct)) return ApiResults.NotFound($"Không có nhóm lãnh đạo #{id}.");
        return await Invites.CreateAsync(db, clock, options.Value, request, null, id, $"/api/leader-chats/{id}", ct);
    }

    public static async Task<Results<Ok<List<InviteResponse>>, ProblemHttpResult>> ListLeaderChatInvites(
        YouthMonthDb db, IOptions<InviteOptions> options, int id, CancellationToken ct)
    {
        if (!await db.LeaderChats.AnyAsync(l => l.Id == id, ct)) return ApiResults.NotFound($"Không có nhóm lãnh đạo #{id}.");
        return TypedResults.Ok(await Invites.ListAsync(db.InviteCodes.Where(i => i.LeaderChatId == id), options.Value, $"/api/leader-chats/{id}", ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LeaderChatInviteQr(
        YouthMonthDb db, IOptions<InviteOptions> options, int id, string code, CancellationToken ct) =>
        Invites.Qr(await db.InviteCodes.AsNoTracking().FirstOrDefaultAsync(i => i.LeaderChatId == id && i.Code == code, ct), options.Value);
}
