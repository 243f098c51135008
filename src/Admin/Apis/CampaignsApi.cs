using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

public sealed record CampaignRequest(
    int? OrganisationId, string? Name, string? Theme, string? PlanNumber, DateOnly? IssuedOn,
    DateOnly? StartDate, DateOnly? EndDate, CampaignStatus? Status, ReminderPolicy? Reminders,
    bool? IncludeDefaultMetrics, uint? Version, int? LeadDays = null);

public sealed record CampaignResponse(
    int Id, int OrganisationId, string Name, string? Theme, string? PlanNumber, DateOnly? IssuedOn,
    DateOnly StartDate, DateOnly EndDate, CampaignStatus Status, ReminderPolicy Reminders, uint Version, int LeadDays) : IVersioned
{
    public static CampaignResponse From(Campaign c) =>
        new(c.Id, c.OrganisationId, c.Name, c.Theme, c.PlanNumber, c.IssuedOn, c.StartDate, c.EndDate, c.Status, c.Reminders, c.Version, c.LeadDays);
}

/// <summary>
/// GET    /api/campaigns?organisationId=&amp;status=&amp;page=&amp;pageSize=
/// GET    /api/campaigns/{id}
/// POST   /api/campaigns                   (starts with the default metric catalog unless includeDefaultMetrics=false)
/// PUT    /api/campaigns/{id}
/// DELETE /api/campaigns/{id}                 (409 once units have reported: close it instead)
/// </summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags("Campaigns").WithETags();
        api.MapGet("/", ListCampaigns).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetCampaign).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateCampaign).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateCampaign).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteCampaign).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<CampaignResponse>>, ValidationProblem>> ListCampaigns(
        YouthMonthDb db, int? organisationId, CampaignStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Campaigns.AsNoTracking();
        if (organisationId is { } org) query = query.Where(c => c.OrganisationId == org);
        if (status is { } s) query = query.Where(c => c.Status == s);
        return TypedResults.Ok(await query.OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).ToPageAsync(p, size, CampaignResponse.From, ct));
    }

    public static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetCampaign(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(CampaignResponse.From(c))
            : ApiResults.NotFound($"Không có đợt #{id}.");

    public static async Task<Results<Created<CampaignResponse>, ValidationProblem>> CreateCampaign(
        YouthMonthDb db, CampaignRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.OrganisationId is not { } orgId) errors.Add("organisationId", "Không được để trống.");
        else if (!await db.Organisations.AnyAsync(o => o.Id == orgId, ct)) errors.Add("organisationId", $"Không có tổ chức #{orgId}.");
        var campaign = new Campaign { Name = "", OrganisationId = request.OrganisationId ?? 0 };
        Apply(campaign, request, errors);
        await CheckUniqueName(db, campaign, errors, ct);
        if (errors.Any) return ApiResults.Invalid(errors);
        if (request.IncludeDefaultMetrics ?? true) campaign.Metrics = [.. MetricCatalog.Defaults()];
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/campaigns/{campaign.Id}", CampaignResponse.From(campaign));
    }

    public static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult>> UpdateCampaign(
        YouthMonthDb db, HttpContext http, int id, CampaignRequest request, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Include(c => c.Periods).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return ApiResults.NotFound($"Không có đợt #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (campaign.Version != version) return ApiResults.StaleVersion();
        var errors = new FieldErrors();
        if (request.OrganisationId is { } orgId && orgId != campaign.OrganisationId)
            errors.Add("organisationId", "Không chuyển đợt sang tổ chức khác được.");
        Apply(campaign, request, errors);
        await CheckUniqueName(db, campaign, errors, ct);
        if (!errors.Any)
        {
            // Existing periods must still fit the new dates.
            var zone = await Zone(db, campaign.OrganisationId, ct);
            foreach (var period in campaign.Periods)
            {
                var periodErrors = new FieldErrors();
                var local = VietnamTime.ToLocal(period.DeadlineUtc, zone);
                PlanRules.Period(periodErrors, "", period.WindowStart, period.WindowEnd, local, campaign.StartDate, campaign.EndDate, campaign.LeadDays);
                var field = DateOnly.FromDateTime(local) < campaign.StartDate || period.WindowEnd < campaign.StartDate ? "startDate" : "endDate";
                if (periodErrors.Any)
                    errors.Add(field, $"Kỳ báo cáo \"{period.Label}\" sẽ nằm ngoài thời gian đợt mới; sửa hoặc xóa kỳ đó trước.");
            }
        }
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(campaign, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CampaignResponse.From(campaign));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCampaign(YouthMonthDb db, int id, CancellationToken ct)
    {
        if (await db.Reports.AnyAsync(r => r.Period!.CampaignId == id, ct))
            return ApiResults.Conflict("Đợt đã có báo cáo nên không xóa được; đặt \"status\": \"Closed\" để kết thúc đợt.", "id");
        return await db.Campaigns.Where(c => c.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có đợt #{id}.");
    }

    internal static async Task<TimeZoneInfo> Zone(YouthMonthDb db, int organisationId, CancellationToken ct) =>
        VietnamTime.Zone(await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(ct));

    private static void Apply(Campaign c, CampaignRequest r, FieldErrors errors)
    {
        c.Name = PlanRules.RequiredText(errors, "name", r.Name) ?? c.Name;
        c.Theme = PlanRules.OptionalText(errors, "theme", r.Theme, 1000);
        c.PlanNumber = PlanRules.OptionalText(errors, "planNumber", r.PlanNumber, 100);
        c.IssuedOn = r.IssuedOn;
        if (r.StartDate is null) errors.Add("startDate", "Không được để trống.");
        if (r.EndDate is null) errors.Add("endDate", "Không được để trống.");
        if (r.StartDate is { } start && r.EndDate is { } end)
        {
            PlanRules.CampaignDates(errors, "", start, end, r.LeadDays ?? c.LeadDays);
            c.StartDate = start;
            c.EndDate = end;
        }
        c.LeadDays = r.LeadDays is >= 0 and <= PlanRules.MaxLeadDays ? r.LeadDays.Value : c.LeadDays;
        c.Status = r.Status ?? c.Status;
        if (r.Reminders is { } reminders)
        {
            PlanRules.Reminders(errors, "", reminders);
            c.Reminders = new ReminderPolicy
            {
                Offsets = [.. reminders.Offsets ?? []],
                NotifyLeadersAtDeadline = reminders.NotifyLeadersAtDeadline,
                PostSummaryAfterDeadline = reminders.PostSummaryAfterDeadline,
                RemindActivitiesDayBefore = reminders.RemindActivitiesDayBefore,
            };
        }
    }

    private static async Task CheckUniqueName(YouthMonthDb db, Campaign c, FieldErrors errors, CancellationToken ct)
    {
        if (!errors.Has("name") && await db.Campaigns.AnyAsync(x => x.OrganisationId == c.OrganisationId && x.Name == c.Name && x.Id != c.Id, ct))
            errors.Add("name", $"Tổ chức này đã có đợt tên \"{c.Name}\".");
    }
}
