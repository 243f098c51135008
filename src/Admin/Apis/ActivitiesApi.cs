using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

/// <summary>
/// A schedule row. Send only <c>timeText</c> ("19,20-22/3/2024", "Trong tháng 3", "07g30 ngày 26/3") and the parsed
/// form is filled in; send <c>timeKind</c> and <c>dates</c> to set it yourself. Responsible units by id
/// (<c>responsibleUnitIds</c>) or by name (<c>responsibleUnits</c>). <c>metrics</c>: the metric codes the bot asks
/// for it besides participants; empty or absent = the metrics of its category.
/// </summary>
public sealed record ActivityRequest(int? CampaignId, string? Title, string? TimeText, ActivityTimeKind? TimeKind,
    List<DateOnly>? Dates, TimeOnly? TimeOfDay, string? Place, ActivityLevel? Level, string? Category, List<string>? Metrics,
    List<int>? ResponsibleUnitIds, List<string>? ResponsibleUnits, int? SortOrder, uint? Version);

public sealed record ResponsibleUnit(int Id, string Name);

public sealed record ActivityResponse(int Id, int CampaignId, string Title, string? TimeText, ActivityTimeKind TimeKind,
    List<DateOnly> Dates, TimeOnly? TimeOfDay, string? Place, ActivityLevel Level, string Category, string CategoryLabel,
    List<string> Metrics, List<ResponsibleUnit> ResponsibleUnits, int SortOrder, uint Version) : IVersioned
{
    public static ActivityResponse From(Activity a) => new(a.Id, a.CampaignId, a.Title, a.TimeText, a.TimeKind, [.. a.Dates],
        a.TimeOfDay, a.Place, a.Level, a.Category, ActivityCategories.Labels.GetValueOrDefault(a.Category, a.Category), [.. a.MetricCodes],
        [.. a.ResponsibleUnits.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => new ResponsibleUnit(u.Id, u.Name))], a.SortOrder, a.Version);
}

/// <summary>
/// GET    /api/activities?campaignId=&amp;category=&amp;unitId=&amp;from=&amp;to=&amp;page=&amp;pageSize=
/// GET    /api/activities/{id}
/// POST   /api/activities
/// PUT    /api/activities/{id}
/// DELETE /api/activities/{id}
/// GET    /api/activities/categories                 (the category codes and their Vietnamese labels)
/// </summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/activities").WithTags("Activities").WithETags();
        api.MapGet("/", ListActivities).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/categories", ListCategories).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetActivity).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateActivity).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateActivity).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteActivity).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static Ok<IReadOnlyDictionary<string, string>> ListCategories() => TypedResults.Ok(ActivityCategories.Labels);

    public static async Task<Results<Ok<Page<ActivityResponse>>, ValidationProblem>> ListActivities(YouthMonthDb db,
        int? campaignId, string? category, int? unitId, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        PlanRules.Category(errors, "category", category, required: false);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Activities.AsNoTracking().Include(a => a.ResponsibleUnits).AsQueryable();
        if (campaignId is { } cid) query = query.Where(a => a.CampaignId == cid);
        if (category is not null) query = query.Where(a => a.Category == category);
        if (unitId is { } uid) query = query.Where(a => a.ResponsibleUnits.Any(u => u.Id == uid));
        if (from is { } f) query = query.Where(a => a.Dates.Any(d => d >= f));
        if (to is { } t) query = query.Where(a => a.Dates.Any(d => d <= t));
        return TypedResults.Ok(await query.OrderBy(a => a.CampaignId).ThenBy(a => a.SortOrder).ThenBy(a => a.Id)
            .ToPageAsync(p, size, ActivityResponse.From, ct));
    }

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> GetActivity(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Activities.AsNoTracking().Include(a => a.ResponsibleUnits).FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? TypedResults.Ok(ActivityResponse.From(a))
            : ApiResults.NotFound($"Không có hoạt động #{id}.");

    public static async Task<Results<Created<ActivityResponse>, ValidationProblem>> CreateActivity(
        YouthMonthDb db, ActivityRequest request, CancellationToken ct)
    {
        var campaign = request.CampaignId is { } cid ? await db.Campaigns.FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (campaign is null)
            return ApiResults.Invalid("campaignId", request.CampaignId is null ? "Không được để trống." : $"Không có đợt #{request.CampaignId}.");
        var activity = new Activity { CampaignId = campaign.Id, Title = "" };
        var errors = await ApplyAsync(db, activity, request, campaign, ct);
        if (errors.Any) return ApiResults.Invalid(errors);
        if (request.SortOrder is null)
            activity.SortOrder = (await db.Activities.Where(a => a.CampaignId == campaign.Id).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 1;
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/activities/{activity.Id}", ActivityResponse.From(activity));
    }

    public static async Task<Results<Ok<ActivityResponse>, ValidationProblem, ProblemHttpResult>> UpdateActivity(
        YouthMonthDb db, HttpContext http, int id, ActivityRequest request, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.ResponsibleUnits).Include(a => a.Campaign).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return ApiResults.NotFound($"Không có hoạt động #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (activity.Version != version) return ApiResults.StaleVersion();
        var errors = await ApplyAsync(db, activity, request, activity.Campaign!, ct);
        if (request.CampaignId is { } cid && cid != activity.CampaignId) errors.Add("campaignId", "Không chuyển hoạt động sang đợt khác được.");
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(activity, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActivityResponse.From(activity));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteActivity(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Activities.Where(a => a.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có hoạt động #{id}.");

    private static async Task<FieldErrors> ApplyAsync(YouthMonthDb db, Activity a, ActivityRequest r, Campaign campaign, CancellationToken ct)
    {
        var errors = new FieldErrors();
        a.Title = PlanRules.RequiredText(errors, "title", r.Title, 1000) ?? a.Title;
        a.TimeText = PlanRules.OptionalText(errors, "timeText", r.TimeText, 200);
        a.Place = PlanRules.OptionalText(errors, "place", r.Place, 500);
        a.Level = r.Level ?? ActivityLevel.Grassroots;
        a.Category = r.Category ?? ActivityCategories.Other;
        PlanRules.Category(errors, "category", a.Category, required: true);
        var metrics = r.Metrics ?? [];
        var codes = (await db.Metrics.Where(m => m.CampaignId == campaign.Id).Select(m => m.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++) PlanRules.ActivityMetric(errors, $"metrics[{i}]", metrics[i], codes);
        a.MetricCodes = [.. metrics.Distinct()];
        if (r.SortOrder is { } order) a.SortOrder = order;

        if (r.TimeKind is null && (r.Dates is null || r.Dates.Count == 0))
        {
            var parsed = ActivityTimeParser.Parse(a.TimeText, campaign.StartDate.Year);
            a.TimeKind = parsed.Kind;
            a.Dates = [.. parsed.Dates];
            a.TimeOfDay = r.TimeOfDay ?? parsed.TimeOfDay;
        }
        else
        {
            a.TimeKind = r.TimeKind ?? ActivityTimeKind.Day;
            a.Dates = [.. (r.Dates ?? []).Distinct().Order()];
            a.TimeOfDay = r.TimeOfDay;
            if (a.TimeKind != ActivityTimeKind.Unspecified && a.Dates.Count == 0)
                errors.Add("dates", "Cần ít nhất một ngày cho kiểu thời gian này.");
            if (a.TimeKind == ActivityTimeKind.Month && a.Dates.Count != 2)
                errors.Add("dates", "Kiểu Month cần đúng hai ngày: ngày đầu và ngày cuối tháng.");
        }

        var units = new List<Unit>();
        var ids = r.ResponsibleUnitIds ?? [];
        var orgUnits = await db.Units.Where(u => u.OrganisationId == campaign.OrganisationId).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
        {
            if (orgUnits.FirstOrDefault(u => u.Id == ids[i]) is { } unit) units.Add(unit);
            else errors.Add($"responsibleUnitIds[{i}]", $"Không có đơn vị #{ids[i]} trong tổ chức của đợt này.");
        }
        var names = r.ResponsibleUnits ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (orgUnits.FirstOrDefault(u => PlanValidator.UnitKey(u.Name) == PlanValidator.UnitKey(names[i] ?? "")) is { } unit) units.Add(unit);
            else errors.Add($"responsibleUnits[{i}]", $"Không có đơn vị \"{names[i]}\" trong tổ chức của đợt này.");
        }
        a.ResponsibleUnits.Clear();
        a.ResponsibleUnits.AddRange(units.DistinctBy(u => u.Id));
        return errors;
    }
}
