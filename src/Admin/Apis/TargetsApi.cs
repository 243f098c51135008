using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

public sealed record TargetRequest(int? CampaignId, int? Number, string? Text, TargetRule? Rule, string? MetricCode,
    string? Category, decimal? Goal, decimal? YearlyQuota, uint? Version);

public sealed record TargetResponse(int Id, int CampaignId, int Number, string Text, TargetRule Rule, string? MetricCode,
    string? Category, decimal? Goal, decimal? YearlyQuota, bool Computable, uint Version) : IVersioned
{
    public static TargetResponse From(Target t) => new(t.Id, t.CampaignId, t.Number, t.Text, t.Rule, t.MetricCode, t.Category,
        t.Goal, t.YearlyQuota, t.Rule != TargetRule.None, t.Version);
}

/// <summary>
/// GET    /api/targets?campaignId=&amp;page=&amp;pageSize=
/// GET    /api/targets/{id}
/// POST   /api/targets
/// PUT    /api/targets/{id}
/// DELETE /api/targets/{id}
/// </summary>
public static class TargetsApi
{
    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/targets").WithTags("Targets").WithETags();
        api.MapGet("/", ListTargets).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetTarget).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateTarget).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateTarget).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteTarget).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<TargetResponse>>, ValidationProblem>> ListTargets(
        YouthMonthDb db, int? campaignId, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Targets.AsNoTracking();
        if (campaignId is { } id) query = query.Where(t => t.CampaignId == id);
        return TypedResults.Ok(await query.OrderBy(t => t.CampaignId).ThenBy(t => t.Number).ToPageAsync(p, size, TargetResponse.From, ct));
    }

    public static async Task<Results<Ok<TargetResponse>, ProblemHttpResult>> GetTarget(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t
            ? TypedResults.Ok(TargetResponse.From(t))
            : ApiResults.NotFound($"Không có chỉ tiêu #{id}.");

    public static async Task<Results<Created<TargetResponse>, ValidationProblem>> CreateTarget(YouthMonthDb db, TargetRequest request, CancellationToken ct)
    {
        if (request.CampaignId is not { } cid || !await db.Campaigns.AnyAsync(c => c.Id == cid, ct))
            return ApiResults.Invalid("campaignId", request.CampaignId is null ? "Không được để trống." : $"Không có đợt #{request.CampaignId}.");
        var target = new Target { CampaignId = cid, Text = "" };
        var errors = await ApplyAsync(db, target, request, ct);
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/targets/{target.Id}", TargetResponse.From(target));
    }

    public static async Task<Results<Ok<TargetResponse>, ValidationProblem, ProblemHttpResult>> UpdateTarget(
        YouthMonthDb db, HttpContext http, int id, TargetRequest request, CancellationToken ct)
    {
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return ApiResults.NotFound($"Không có chỉ tiêu #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (target.Version != version) return ApiResults.StaleVersion();
        var errors = await ApplyAsync(db, target, request, ct);
        if (request.CampaignId is { } cid && cid != target.CampaignId) errors.Add("campaignId", "Không chuyển chỉ tiêu sang đợt khác được.");
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(target, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TargetResponse.From(target));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTarget(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Targets.Where(t => t.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có chỉ tiêu #{id}.");

    private static async Task<FieldErrors> ApplyAsync(YouthMonthDb db, Target t, TargetRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (r.Number is not > 0) errors.Add("number", "Số thứ tự chỉ tiêu phải lớn hơn 0.");
        else if (await db.Targets.AnyAsync(x => x.CampaignId == t.CampaignId && x.Number == r.Number && x.Id != t.Id, ct))
            errors.Add("number", $"Đợt này đã có chỉ tiêu số {r.Number}.");
        t.Text = PlanRules.RequiredText(errors, "text", r.Text, 2000) ?? t.Text;
        var codes = (await db.Metrics.Where(m => m.CampaignId == t.CampaignId).Select(m => m.Code).ToListAsync(ct)).ToHashSet();
        var rule = r.Rule ?? TargetRule.None;
        PlanRules.Target(errors, "", rule, r.MetricCode, r.Category, r.Goal, r.YearlyQuota, codes);
        t.Number = r.Number ?? t.Number;
        t.Rule = rule;
        t.MetricCode = r.MetricCode;
        t.Category = r.Category;
        t.Goal = r.Goal;
        t.YearlyQuota = r.YearlyQuota;
        return errors;
    }
}
