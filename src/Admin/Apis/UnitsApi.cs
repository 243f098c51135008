using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Admin.Apis;

public sealed record UnitRequest(int? OrganisationId, string? Name, UnitKind? Kind, string? Cluster, int? MemberCount, bool? Active, uint? Version);

public sealed record UnitResponse(int Id, int OrganisationId, string Name, UnitKind Kind, string? Cluster, int? MemberCount,
    bool Active, uint Version) : IVersioned
{
    public static UnitResponse From(Unit u) => new(u.Id, u.OrganisationId, u.Name, u.Kind, u.Cluster, u.MemberCount, u.Active, u.Version);
}

/// <summary>
/// GET    /api/units?organisationId=&amp;cluster=&amp;active=&amp;kind=&amp;name=&amp;page=&amp;pageSize=
///        (name: contains, ignoring case and diacritics — "ung buou" finds "Bệnh viện Ung bướu")
/// GET    /api/units/{id}
/// POST   /api/units
/// PUT    /api/units/{id}
/// DELETE /api/units/{id}                  (409 once it has reports: set active=false instead)
/// </summary>
public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Units").WithETags();
        api.MapGet("/", ListUnits).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetUnit).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateUnit).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateUnit).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteUnit).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<UnitResponse>>, ValidationProblem>> ListUnits(YouthMonthDb db,
        int? organisationId, string? cluster, bool? active, UnitKind? kind, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Units.AsNoTracking();
        if (organisationId is { } org) query = query.Where(u => u.OrganisationId == org);
        if (VietnameseText.Clean(cluster) is { Length: > 0 } c) query = query.Where(u => u.Cluster == c);
        if (active is { } a) query = query.Where(u => u.Active == a);
        if (kind is { } k) query = query.Where(u => u.Kind == k);
        query = query.OrderBy(u => u.OrganisationId).ThenBy(u => u.Id);
        if (string.IsNullOrWhiteSpace(name)) return TypedResults.Ok(await query.ToPageAsync(p, size, UnitResponse.From, ct));

        // Diacritics-insensitive matching happens here rather than in SQL (no unaccent extension needed);
        // an organisation has at most a few hundred units.
        var folded = VietnameseText.Fold(name);
        var matching = (await query.ToListAsync(ct)).Where(u => VietnameseText.Fold(u.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        return TypedResults.Ok(matching.ToPage(p, size, UnitResponse.From));
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetUnit(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
            ? TypedResults.Ok(UnitResponse.From(u))
            : ApiResults.NotFound($"Không có đơn vị #{id}.");

    public static async Task<Results<Created<UnitResponse>, ValidationProblem>> CreateUnit(YouthMonthDb db, UnitRequest request, CancellationToken ct)
    {
        if (request.OrganisationId is not { } orgId || !await db.Organisations.AnyAsync(o => o.Id == orgId, ct))
            return ApiResults.Invalid("organisationId", request.OrganisationId is null ? "Không được để trống." : $"Không có tổ chức #{request.OrganisationId}.");
        var unit = new Unit { OrganisationId = orgId, Name = "" };
        var errors = await ApplyAsync(db, unit, request, ct);
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/units/{unit.Id}", UnitResponse.From(unit));
    }

    public static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> UpdateUnit(
        YouthMonthDb db, HttpContext http, int id, UnitRequest request, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return ApiResults.NotFound($"Không có đơn vị #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (unit.Version != version) return ApiResults.StaleVersion();
        var errors = await ApplyAsync(db, unit, request, ct);
        if (request.OrganisationId is { } org && org != unit.OrganisationId) errors.Add("organisationId", "Không chuyển đơn vị sang tổ chức khác được.");
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(unit, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteUnit(YouthMonthDb db, int id, CancellationToken ct)
    {
        // Reports cascade with their unit in the schema; the API refuses rather than lose them.
        if (await db.Reports.AnyAsync(r => r.UnitId == id, ct))
            return ApiResults.Conflict("Đơn vị đã có báo cáo nên không xóa được; đặt \"active\": false để ngừng theo dõi.", "id");
        return await db.Units.Where(u => u.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có đơn vị #{id}.");
    }

    /// <summary>Unit names are unique within an organisation, ignoring case (Unicode form is normalised to NFC).</summary>
    internal static async Task<bool> NameTakenAsync(YouthMonthDb db, int organisationId, string name, int exceptId, CancellationToken ct)
    {
        var key = PlanValidator.UnitKey(name);
        var names = await db.Units.Where(u => u.OrganisationId == organisationId && u.Id != exceptId).Select(u => u.Name).ToListAsync(ct);
        return names.Any(n => PlanValidator.UnitKey(n) == key);
    }

    private static async Task<FieldErrors> ApplyAsync(YouthMonthDb db, Unit u, UnitRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = PlanRules.RequiredText(errors, "name", r.Name);
        if (name is not null && !errors.Has("name") && await NameTakenAsync(db, u.OrganisationId, name, u.Id, ct))
            errors.Add("name", $"Tổ chức này đã có đơn vị tên \"{name}\".");
        u.Name = name ?? u.Name;
        u.Kind = r.Kind ?? u.Kind;
        u.Cluster = PlanRules.OptionalText(errors, "cluster", r.Cluster, 100);
        if (r.MemberCount < 0) errors.Add("memberCount", "Số đoàn viên không được âm.");
        u.MemberCount = r.MemberCount;
        u.Active = r.Active ?? u.Active;
        return errors;
    }
}
