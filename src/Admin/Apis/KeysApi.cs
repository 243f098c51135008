using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Access;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

public sealed record KeyRequest(string? Name, ApiRole? Role);

public sealed record KeyResponse(int Id, string Name, ApiRole Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static KeyResponse From(ApiKey k) => new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.RevokedAt, k.LastUsedAt);
}

/// <summary>The secret is in this response only; the server keeps its hash.</summary>
public sealed record CreatedKeyResponse(KeyResponse Key, string Secret);

/// <summary>
/// GET    /api/keys                        (admin only)
/// POST   /api/keys                        {"name": "Văn phòng", "role": "Admin" | "Viewer"}
/// DELETE /api/keys/{id}                   (revokes; the key stops working at once)
/// </summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(AuthPolicies.Admin);
        api.MapGet("/", ListKeys);
        api.MapPost("/", CreateKey);
        api.MapDelete("/{id:int}", RevokeKey);
        return app;
    }

    public static async Task<Ok<List<KeyResponse>>> ListKeys(YouthMonthDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct)).Select(KeyResponse.From).ToList());

    public static async Task<Results<Created<CreatedKeyResponse>, ValidationProblem>> CreateKey(ApiKeyService keys, KeyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = PlanRules.RequiredText(errors, "name", request.Name, 100);
        if (request.Role is null) errors.Add("role", "Không được để trống (Admin hoặc Viewer).");
        if (errors.Any) return ApiResults.Invalid(errors);
        var created = await keys.CreateAsync(name!, request.Role!.Value, ct);
        return TypedResults.Created($"/api/keys/{created.Key.Id}", new CreatedKeyResponse(KeyResponse.From(created.Key), created.Secret));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(ApiKeyService keys, int id, CancellationToken ct) =>
        await keys.RevokeAsync(id, ct) ? TypedResults.NoContent() : ApiResults.NotFound($"Không có khóa #{id}.");
}
