using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

/// <summary>A period as edited: the deadline is the organisation's local wall-clock time ("2024-03-08T11:00:00").</summary>
/// <remarks>
/// <see cref="Questions"/>: what a final period asks; null keeps the kind's default. <see cref="PhotosRequired"/>: each
/// reported activity needs at least one photo (not for a final period); null keeps the current setting (false when created).
/// </remarks>
public sealed record PeriodRequest(int? CampaignId, PeriodKind? Kind, int? Number, string? Label,
    DateOnly? WindowStart, DateOnly? WindowEnd, DateTime? Deadline, uint? Version, PeriodQuestions? Questions = null, bool? PhotosRequired = null);

/// <remarks><see cref="Questions"/> is what the period really asks (its own or its kind's default); null for kinds that ask none.</remarks>
public sealed record PeriodResponse(int Id, int CampaignId, PeriodKind Kind, int? Number, string Label,
    DateOnly WindowStart, DateOnly WindowEnd, DateTime Deadline, DateTimeOffset DeadlineUtc, string DeadlineText, uint Version,
    PeriodQuestions? Questions, bool PhotosRequired) : IVersioned
{
    public static PeriodResponse From(ReportingPeriod p, TimeZoneInfo zone)
    {
        var local = VietnamTime.ToLocal(p.DeadlineUtc, zone);
        return new(p.Id, p.CampaignId, p.Kind, p.Number, p.Label, p.WindowStart, p.WindowEnd, local, p.DeadlineUtc,
            VietnamTime.FormatDeadline(local), p.Version, PeriodQuestions.For(p), p.PhotosRequired);
    }
}

/// <summary>"Window Saturday→Friday, due Friday 11:00" → windowStartDay=Saturday, dueDay=Friday, dueTime=11:00.</summary>
/// <remarks><see cref="PhotosRequired"/>: the weeks generated require a photo per activity (default false).</remarks>
public sealed record GeneratePeriodsRequest(DayOfWeek? WindowStartDay, DayOfWeek? DueDay, TimeOnly? DueTime, bool? ReplaceExisting,
    bool? PhotosRequired = null);

/// <summary>
/// GET    /api/periods?campaignId=&amp;kind=&amp;page=&amp;pageSize=
/// GET    /api/periods/{id}
/// POST   /api/periods
/// PUT    /api/periods/{id}                (e.g. Tân Phú week 1: deadline moved to Saturday 04/3 09:00)
/// DELETE /api/periods/{id}                   (409 once units have reported for it)
/// POST   /api/campaigns/{campaignId}/periods/generate   (weekly periods from a rule)
/// </summary>
public static class PeriodsApi
{
    public static IEndpointRouteBuilder MapPeriodsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/periods").WithTags("Periods").WithETags();
        api.MapGet("/", ListPeriods).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetPeriod).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreatePeriod).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdatePeriod).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeletePeriod).RequireAuthorization(AuthPolicies.Admin);
        app.MapGroup("/api/campaigns").WithTags("Periods")
            .MapPost("/{campaignId:int}/periods/generate", GeneratePeriods).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<PeriodResponse>>, ValidationProblem>> ListPeriods(
        YouthMonthDb db, int? campaignId, PeriodKind? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Periods.AsNoTracking().Include(x => x.Campaign!).ThenInclude(c => c.Organisation).AsQueryable();
        if (campaignId is { } id) query = query.Where(x => x.CampaignId == id);
        if (kind is { } k) query = query.Where(x => x.Kind == k);
        return TypedResults.Ok(await query.OrderBy(x => x.CampaignId).ThenBy(x => x.DeadlineUtc).ThenBy(x => x.Id)
            .ToPageAsync(p, size, x => PeriodResponse.From(x, VietnamTime.Zone(x.Campaign!.Organisation!.TimeZoneId)), ct));
    }

    public static async Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> GetPeriod(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Periods.AsNoTracking().Include(x => x.Campaign!).ThenInclude(c => c.Organisation).FirstOrDefaultAsync(x => x.Id == id, ct) is { } p
            ? TypedResults.Ok(PeriodResponse.From(p, VietnamTime.Zone(p.Campaign!.Organisation!.TimeZoneId)))
            : ApiResults.NotFound($"Không có kỳ báo cáo #{id}.");

    public static async Task<Results<Created<PeriodResponse>, ValidationProblem>> CreatePeriod(
        YouthMonthDb db, PeriodRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var campaign = request.CampaignId is { } cid
            ? await db.Campaigns.Include(c => c.Organisation).Include(c => c.Metrics).FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (campaign is null)
        {
            errors.Add("campaignId", request.CampaignId is null ? "Không được để trống." : $"Không có đợt #{request.CampaignId}.");
            return ApiResults.Invalid(errors);
        }
        var period = new ReportingPeriod { Label = "", CampaignId = campaign.Id };
        var zone = VietnamTime.Zone(campaign.Organisation!.TimeZoneId);
        Apply(period, request, campaign, zone, errors);
        if (!errors.Any) await CheckClashesAsync(db, period, errors, ct);
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Periods.Add(period);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/periods/{period.Id}", PeriodResponse.From(period, zone));
    }

    public static async Task<Results<Ok<PeriodResponse>, ValidationProblem, ProblemHttpResult>> UpdatePeriod(
        YouthMonthDb db, HttpContext http, int id, PeriodRequest request, CancellationToken ct)
    {
        var period = await db.Periods.Include(x => x.Campaign!).ThenInclude(c => c.Organisation)
            .Include(x => x.Campaign!).ThenInclude(c => c.Metrics).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (period is null) return ApiResults.NotFound($"Không có kỳ báo cáo #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (period.Version != version) return ApiResults.StaleVersion();
        var errors = new FieldErrors();
        if (request.CampaignId is { } cid && cid != period.CampaignId) errors.Add("campaignId", "Không chuyển kỳ báo cáo sang đợt khác được.");
        var zone = VietnamTime.Zone(period.Campaign!.Organisation!.TimeZoneId);
        Apply(period, request, period.Campaign, zone, errors);
        if (!errors.Any) await CheckClashesAsync(db, period, errors, ct);
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(period, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PeriodResponse.From(period, zone));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePeriod(YouthMonthDb db, int id, CancellationToken ct)
    {
        if (await db.Reports.AnyAsync(r => r.PeriodId == id, ct))
            return ApiResults.Conflict("Kỳ báo cáo đã có báo cáo của đơn vị nên không xóa được; hãy sửa kỳ thay vì xóa.", "id");
        return await db.Periods.Where(x => x.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có kỳ báo cáo #{id}.");
    }

    public static async Task<Results<Ok<List<PeriodResponse>>, ValidationProblem, ProblemHttpResult>> GeneratePeriods(
        YouthMonthDb db, int campaignId, GeneratePeriodsRequest request, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Include(c => c.Organisation).Include(c => c.Periods).FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null) return ApiResults.NotFound($"Không có đợt #{campaignId}.");
        var errors = new FieldErrors();
        if (request.WindowStartDay is null) errors.Add("windowStartDay", "Không được để trống (ví dụ \"Saturday\").");
        if (request.DueDay is null) errors.Add("dueDay", "Không được để trống (ví dụ \"Friday\").");
        if (request.DueTime is null) errors.Add("dueTime", "Không được để trống (ví dụ \"11:00\").");
        if (errors.Any) return ApiResults.Invalid(errors);

        var existing = campaign.Periods.Where(p => p.Kind == PeriodKind.Weekly).ToList();
        if (existing.Count > 0 && request.ReplaceExisting != true)
            return ApiResults.Conflict(
                $"Đợt đã có {existing.Count} kỳ báo cáo tuần; gửi \"replaceExisting\": true để thay bằng các kỳ mới.", "replaceExisting");
        var existingIds = existing.Select(p => p.Id).ToList();
        if (await db.Reports.AnyAsync(r => existingIds.Contains(r.PeriodId), ct))
            return ApiResults.Conflict("Các kỳ báo cáo tuần hiện có đã có báo cáo nên không thay được; hãy sửa từng kỳ.", "replaceExisting");
        db.Periods.RemoveRange(existing);

        var zone = VietnamTime.Zone(campaign.Organisation!.TimeZoneId);
        var rule = new WeeklyPeriodRule(request.WindowStartDay!.Value, request.DueDay!.Value, request.DueTime!.Value);
        var generated = PeriodGenerator.Weekly(rule, campaign.StartDate, campaign.EndDate, zone);
        if (generated.Count == 0)
            return ApiResults.Invalid("dueDay", "Quy tắc này không cho kỳ báo cáo nào có hạn nộp trong thời gian đợt.");
        foreach (var p in generated)
        {
            p.PhotosRequired = request.PhotosRequired ?? false;
            campaign.Periods.Add(p);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(generated.Select(p => PeriodResponse.From(p, zone)).ToList());
    }

    /// <summary>Same name or (same kind) overlapping window as another period of the campaign: see <see cref="PlanRules.PeriodClashes"/>.</summary>
    private static async Task CheckClashesAsync(YouthMonthDb db, ReportingPeriod period, FieldErrors errors, CancellationToken ct)
    {
        var others = await db.Periods.AsNoTracking().Where(x => x.CampaignId == period.CampaignId && x.Id != period.Id).ToListAsync(ct);
        PlanRules.PeriodClashes(errors, [
            new PlanRules.PeriodSlot("", period.Kind, period.Label, period.WindowStart, period.WindowEnd),
            .. others.Select(o => new PlanRules.PeriodSlot(null, o.Kind, o.Label, o.WindowStart, o.WindowEnd))]);
    }

    private static void Apply(ReportingPeriod p, PeriodRequest r, Campaign campaign, TimeZoneInfo zone, FieldErrors errors)
    {
        if (r.Kind is null) errors.Add("kind", "Không được để trống (Weekly, KickOff, EventDay, Final).");
        if (r.WindowStart is null) errors.Add("windowStart", "Không được để trống.");
        if (r.WindowEnd is null) errors.Add("windowEnd", "Không được để trống.");
        if (r.Deadline is null) errors.Add("deadline", "Không được để trống (giờ địa phương, ví dụ 2024-03-08T11:00:00).");
        if (r.Kind == PeriodKind.Weekly && r.Number is not > 0) errors.Add("number", "Kỳ báo cáo tuần cần số tuần (1, 2, …).");
        if (errors.Any) return;
        PlanRules.Period(errors, "", r.WindowStart!.Value, r.WindowEnd!.Value, r.Deadline!.Value, campaign.StartDate, campaign.EndDate,
            campaign.LeadDays);
        PeriodQuestions.Validate(errors, "questions", r.Kind!.Value, r.Questions, campaign.Metrics.Select(m => m.Code).ToHashSet(StringComparer.Ordinal));
        var photosRequired = r.PhotosRequired ?? (p.Id != 0 && p.PhotosRequired);
        PlanRules.PhotosRequired(errors, "photosRequired", r.Kind!.Value, photosRequired);
        p.PhotosRequired = photosRequired;
        p.Questions = r.Questions;
        p.Kind = r.Kind!.Value;
        p.Number = r.Number;
        p.WindowStart = r.WindowStart.Value;
        p.WindowEnd = r.WindowEnd.Value;
        p.Label = string.IsNullOrWhiteSpace(r.Label) && p.Kind == PeriodKind.Weekly && p.Number is { } n
            ? PeriodGenerator.WeekLabel(n, p.WindowStart, p.WindowEnd)
            : PlanRules.RequiredText(errors, "label", r.Label, 200) ?? p.Label;
        if (!errors.Any) p.DeadlineUtc = VietnamTime.ToUtc(r.Deadline.Value, zone);
    }
}
