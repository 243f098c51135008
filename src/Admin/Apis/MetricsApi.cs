using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

public sealed record MetricRequest(int? CampaignId, string? Code, string? Label, string? Unit, MetricKind? Kind,
    List<string>? Categories, List<string>? Aliases, int? SortOrder, uint? Version, decimal? Max = null);

public sealed record MetricResponse(int Id, int CampaignId, string Code, string Label, string Unit, MetricKind Kind,
    List<string> Categories, List<string> Aliases, int SortOrder, uint Version, decimal? Max, decimal Cap) : IVersioned
{
    public static MetricResponse From(Metric m) =>
        new(m.Id, m.CampaignId, m.Code, m.Label, m.Unit, m.Kind, [.. m.Categories], [.. m.Aliases], m.SortOrder, m.Version, m.Max, m.Cap);
}

/// <summary>
/// GET    /api/metrics?campaignId=&amp;page=&amp;pageSize=
/// GET    /api/metrics/{id}
/// POST   /api/metrics
/// PUT    /api/metrics/{id}                (the code cannot change: targets and reports refer to it)
/// DELETE /api/metrics/{id}                (409 while a target uses it)
/// </summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/metrics").WithTags("Metrics").WithETags();
        api.MapGet("/", ListMetrics).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetMetric).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateMetric).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateMetric).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteMetric).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<MetricResponse>>, ValidationProblem>> ListMetrics(
        YouthMonthDb db, int? campaignId, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Metrics.AsNoTracking();
        if (campaignId is { } id) query = query.Where(m => m.CampaignId == id);
        return TypedResults.Ok(await query.OrderBy(m => m.CampaignId).ThenBy(m => m.SortOrder).ThenBy(m => m.Id).ToPageAsync(p, size, MetricResponse.From, ct));
    }

    public static async Task<Results<Ok<MetricResponse>, ProblemHttpResult>> GetMetric(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m
            ? TypedResults.Ok(MetricResponse.From(m))
            : ApiResults.NotFound($"Không có chỉ số #{id}.");

    public static async Task<Results<Created<MetricResponse>, ValidationProblem>> CreateMetric(YouthMonthDb db, MetricRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.CampaignId is not { } cid || !await db.Campaigns.AnyAsync(c => c.Id == cid, ct))
            return ApiResults.Invalid("campaignId", request.CampaignId is null ? "Không được để trống." : $"Không có đợt #{request.CampaignId}.");
        PlanRules.MetricCode(errors, "code", request.Code);
        if (!errors.Has("code") && await db.Metrics.AnyAsync(m => m.CampaignId == cid && m.Code == request.Code, ct))
            errors.Add("code", $"Đợt này đã có chỉ số mã \"{request.Code}\".");
        var metric = new Metric { CampaignId = cid, Code = request.Code ?? "", Label = "", Unit = "" };
        Apply(metric, request, errors);
        if (errors.Any) return ApiResults.Invalid(errors);
        if (request.SortOrder is null)
            metric.SortOrder = (await db.Metrics.Where(m => m.CampaignId == cid).MaxAsync(m => (int?)m.SortOrder, ct) ?? 0) + 1;
        db.Metrics.Add(metric);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/metrics/{metric.Id}", MetricResponse.From(metric));
    }

    public static async Task<Results<Ok<MetricResponse>, ValidationProblem, ProblemHttpResult>> UpdateMetric(
        YouthMonthDb db, HttpContext http, int id, MetricRequest request, CancellationToken ct)
    {
        var metric = await db.Metrics.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (metric is null) return ApiResults.NotFound($"Không có chỉ số #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (metric.Version != version) return ApiResults.StaleVersion();
        var errors = new FieldErrors();
        if (request.Code is not null && request.Code != metric.Code) errors.Add("code", "Không đổi mã chỉ số được; tạo chỉ số mới nếu cần.");
        if (request.CampaignId is { } cid && cid != metric.CampaignId) errors.Add("campaignId", "Không chuyển chỉ số sang đợt khác được.");
        Apply(metric, request, errors);
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(metric, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MetricResponse.From(metric));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMetric(YouthMonthDb db, int id, CancellationToken ct)
    {
        var metric = await db.Metrics.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (metric is null) return ApiResults.NotFound($"Không có chỉ số #{id}.");
        if (await db.Targets.AnyAsync(t => t.CampaignId == metric.CampaignId && t.MetricCode == metric.Code, ct))
            return ApiResults.Conflict($"Chỉ tiêu đang dùng chỉ số \"{metric.Code}\"; sửa chỉ tiêu trước.", "code");
        db.Metrics.Remove(metric);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(Metric m, MetricRequest r, FieldErrors errors)
    {
        m.Label = PlanRules.RequiredText(errors, "label", r.Label, 200) ?? m.Label;
        m.Unit = PlanRules.RequiredText(errors, "unit", r.Unit, 50) ?? m.Unit;
        m.Kind = r.Kind ?? MetricKind.Integer;
        var categories = r.Categories ?? [];
        for (var i = 0; i < categories.Count; i++) PlanRules.Category(errors, $"categories[{i}]", categories[i], required: true);
        m.Categories = [.. categories.Distinct()];
        var aliases = r.Aliases ?? [];
        for (var i = 0; i < aliases.Count; i++) PlanRules.RequiredText(errors, $"aliases[{i}]", aliases[i], 100);
        m.Aliases = [.. aliases.Select(Core.Text.VietnameseText.Clean).OfType<string>().Where(a => a.Length > 0).Distinct()];
        if (r.SortOrder is { } order) m.SortOrder = order;
        PlanRules.MetricMax(errors, "max", r.Max);
        m.Max = r.Max;
    }
}
