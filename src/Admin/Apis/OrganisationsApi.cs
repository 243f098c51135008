using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

/// <remarks><see cref="Letterhead"/>: header lines, document code, signer and recipients of the compiled report; null keeps the current one.</remarks>
public sealed record OrganisationRequest(string? Name, string? ParentName, string? Place, string? TimeZone, uint? Version,
    Letterhead? Letterhead = null);

public sealed record OrganisationResponse(int Id, string Name, string? ParentName, string Place, string TimeZone, uint Version,
    Letterhead Letterhead) : IVersioned
{
    public static OrganisationResponse From(Organisation o) => new(o.Id, o.Name, o.ParentName, o.Place, o.TimeZoneId, o.Version, o.Letterhead);
}

/// <summary>
/// GET    /api/organisations?name=&amp;page=&amp;pageSize=
/// GET    /api/organisations/{id}
/// POST   /api/organisations
/// PUT    /api/organisations/{id}
/// DELETE /api/organisations/{id}          (with its units and campaigns; 409 once units have reported)
/// </summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organisations").WithTags("Organisations").WithETags();
        api.MapGet("/", ListOrganisations).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetOrganisation).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateOrganisation).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateOrganisation).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteOrganisation).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<OrganisationResponse>>, ValidationProblem>> ListOrganisations(
        YouthMonthDb db, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var all = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        var matching = all.Where(o => name is null || Core.Text.VietnameseText.Fold(o.Name).Contains(Core.Text.VietnameseText.Fold(name))).ToList();
        return TypedResults.Ok(matching.ToPage(p, size, OrganisationResponse.From));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetOrganisation(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o
            ? TypedResults.Ok(OrganisationResponse.From(o))
            : ApiResults.NotFound($"Không có tổ chức #{id}.");

    public static async Task<Results<Created<OrganisationResponse>, ValidationProblem>> CreateOrganisation(
        YouthMonthDb db, OrganisationRequest request, CancellationToken ct)
    {
        var org = new Organisation { Name = "", Place = "" };
        var errors = Apply(org, request);
        if (!errors.Has("name") && await db.Organisations.AnyAsync(o => o.Name == org.Name, ct))
            errors.Add("name", $"Đã có tổ chức tên \"{org.Name}\".");
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organisations/{org.Id}", OrganisationResponse.From(org));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateOrganisation(
        YouthMonthDb db, HttpContext http, int id, OrganisationRequest request, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return ApiResults.NotFound($"Không có tổ chức #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (org.Version != version) return ApiResults.StaleVersion();
        var errors = Apply(org, request);
        if (!errors.Has("name") && await db.Organisations.AnyAsync(o => o.Name == org.Name && o.Id != id, ct))
            errors.Add("name", $"Đã có tổ chức tên \"{org.Name}\".");
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(org, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(org));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteOrganisation(YouthMonthDb db, int id, CancellationToken ct)
    {
        if (await db.Reports.AnyAsync(r => r.Unit!.OrganisationId == id, ct))
            return ApiResults.Conflict("Tổ chức đã có báo cáo nên không xóa được.", "id");
        return await db.Organisations.Where(o => o.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có tổ chức #{id}.");
    }

    private static FieldErrors Apply(Organisation org, OrganisationRequest r)
    {
        var errors = new FieldErrors();
        org.Name = PlanRules.RequiredText(errors, "name", r.Name) ?? org.Name;
        org.ParentName = PlanRules.OptionalText(errors, "parentName", r.ParentName, 300);
        org.Place = PlanRules.RequiredText(errors, "place", r.Place, 100) ?? org.Place;
        var zone = r.TimeZone ?? Core.VietnamTime.DefaultTimeZoneId;
        PlanRules.TimeZone(errors, "timeZone", zone);
        org.TimeZoneId = zone;
        if (r.Letterhead is { } letterhead)
        {
            Letterhead.Validate(errors, "letterhead", letterhead);
            org.Letterhead = letterhead;
        }
        return errors;
    }
}
