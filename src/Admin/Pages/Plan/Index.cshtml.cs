using Microsoft.AspNetCore.Mvc;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>
/// Kế hoạch: the campaign and everything in it, read through the API's list handlers; the weekly generator and
/// the units CSV import post to the same handlers the API uses.
/// </summary>
public sealed class IndexModel(YouthMonthDb db) : OfficePage
{
    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];
    public Campaign? Campaign { get; private set; }
    public IReadOnlyList<PeriodResponse> Periods { get; private set; } = [];
    public IReadOnlyList<ActivityResponse> Activities { get; private set; } = [];
    public IReadOnlyList<MetricResponse> Metrics { get; private set; } = [];
    public IReadOnlyList<TargetResponse> Targets { get; private set; } = [];
    public IReadOnlyList<UnitResponse> Units { get; private set; } = [];
    public ILookup<int, ContactResponse> Contacts { get; private set; } = Array.Empty<ContactResponse>().ToLookup(c => c.UnitId);
    public IReadOnlyList<LeaderChatResponse> LeaderChats { get; private set; } = [];

    [BindProperty] public DayOfWeek WindowStartDay { get; set; } = DayOfWeek.Saturday;
    [BindProperty] public DayOfWeek DueDay { get; set; } = DayOfWeek.Friday;
    [BindProperty] public TimeOnly DueTime { get; set; } = new(11, 0);
    [BindProperty] public bool ReplaceExisting { get; set; }
    [BindProperty] public bool PhotosRequired { get; set; }
    public string? CsvName { get; private set; }

    public async Task OnGetAsync(int? campaignId, CancellationToken ct) => await LoadAsync(campaignId, ct);

    public async Task<IActionResult> OnPostGenerateAsync(int campaignId, CancellationToken ct)
    {
        if (!TakeBindingErrors())
        {
            var created = Take<List<PeriodResponse>>((await PeriodsApi.GeneratePeriods(db, campaignId,
                new GeneratePeriodsRequest(WindowStartDay, DueDay, DueTime, ReplaceExisting, PhotosRequired), ct)).Result);
            if (created is not null)
                return RedirectWithFlash($"Đã tạo {created.Count} kỳ báo cáo tuần.", "/Plan/Index", new { campaignId });
            if (IsConflict is false && Problem is not null && !FieldErrors.ContainsKey("replaceExisting")) FieldErrors["replaceExisting"] = [Problem];
        }
        await LoadAsync(campaignId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportCsvAsync(int campaignId, IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(campaignId, ct);
        if (Campaign is null) return NotFound();
        if (file is null || file.Length == 0)
        {
            FieldErrors["file"] = ["Chọn tệp CSV (UTF-8) có các cột unit,kind,cluster,members,contact,phone,role."];
            return Page();
        }
        CsvName = file.FileName;
        // The API handler reads the CSV from a request body; hand it the uploaded file as one.
        var upload = new DefaultHttpContext();
        await using var stream = file.OpenReadStream();
        upload.Request.Body = stream;
        var done = Take<CsvImportResponse>((await PlanApi.ImportUnitsCsv(db, upload.Request, Campaign.OrganisationId, ct)).Result);
        if (done is null) return Page();
        return RedirectWithFlash($"Đã nạp {file.FileName}: {done.UnitsCreated} đơn vị mới, {done.UnitsUpdated} đơn vị cập nhật, "
            + $"{done.ContactsCreated} người liên hệ mới.", "/Plan/Index", new { campaignId });
    }

    /// <summary>CSV errors are keyed "line N"; listed in file order.</summary>
    public IEnumerable<(string Line, string Message)> CsvErrors => FieldErrors
        .Where(e => e.Key.StartsWith("line ", StringComparison.Ordinal) || e.Key == "file")
        .OrderBy(e => int.TryParse(e.Key.AsSpan(e.Key.IndexOf(' ') + 1), out var n) ? n : 0)
        .SelectMany(e => e.Value.Select(m => (e.Key == "file" ? "Tệp" : "Dòng " + e.Key[5..], m)));

    private async Task LoadAsync(int? campaignId, CancellationToken ct)
    {
        (Campaigns, Campaign) = await CampaignChoice.ResolveAsync(db, campaignId, ct);
        if (Campaign is not { } c) return;
        var max = Paging.MaxPageSize;
        Periods = Items<PeriodResponse>((await PeriodsApi.ListPeriods(db, c.Id, null, 1, max, ct)).Result);
        Activities = Items<ActivityResponse>((await ActivitiesApi.ListActivities(db, c.Id, null, null, null, null, 1, max, ct)).Result);
        Metrics = Items<MetricResponse>((await MetricsApi.ListMetrics(db, c.Id, 1, max, ct)).Result);
        Targets = Items<TargetResponse>((await TargetsApi.ListTargets(db, c.Id, 1, max, ct)).Result);
        Units = Items<UnitResponse>((await UnitsApi.ListUnits(db, c.OrganisationId, null, null, null, null, 1, max, ct)).Result);
        Contacts = Items<ContactResponse>((await ContactsApi.ListContacts(db, null, c.OrganisationId, null, null, 1, max, ct)).Result)
            .ToLookup(x => x.UnitId);
        LeaderChats = Items<LeaderChatResponse>((await LeaderChatsApi.ListLeaderChats(db, c.OrganisationId, null, 1, max, ct)).Result);
    }

    public static string Day(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "Thứ Hai", DayOfWeek.Tuesday => "Thứ Ba", DayOfWeek.Wednesday => "Thứ Tư", DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu", DayOfWeek.Saturday => "Thứ Bảy", _ => "Chủ nhật",
    };

    public static string Kind(PeriodKind k) => k switch
    {
        PeriodKind.Weekly => "Tuần", PeriodKind.KickOff => "Ra quân", PeriodKind.EventDay => "Ngày hoạt động", PeriodKind.Final => "Tổng kết",
        _ => k.ToString(),
    };

    public static string Status(CampaignStatus s) => s switch
    {
        CampaignStatus.Active => "Đang diễn ra", CampaignStatus.Draft => "Bản nháp", CampaignStatus.Closed => "Đã kết thúc", _ => s.ToString(),
    };
}
