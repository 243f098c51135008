using Microsoft.AspNetCore.Mvc;
using YouthMonth.Admin.Apis;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Summaries;
using YouthMonth.Admin.Web;

namespace YouthMonth.Admin.Pages.Review;

/// <summary>
/// One whole report (ReportsApi's GET /api/reports/{id} shape) with approve / return. The decision goes through
/// ReviewsApi's handler, so the bot's message to the unit and the audit line are exactly what the API does.
/// </summary>
public sealed class DetailsModel(YouthMonthDb db, TimeProvider clock) : OfficePage
{
    public ReportDetails? Report { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => DecideAsync(id, ReviewDecision.Accepted, null, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) => DecideAsync(id, ReviewDecision.Returned, Reason, ct);

    private async Task<IActionResult> DecideAsync(int id, ReviewDecision decision, string? reason, CancellationToken ct)
    {
        var outcome = Take<ReportReviewResponse>((await ReviewsApi.ReviewReport(db, clock, User, id, new ReviewRequest(decision, reason), ct)).Result);
        if (outcome is not null)
        {
            var message = decision == ReviewDecision.Accepted
                ? $"Đã chấp nhận báo cáo {outcome.Period} của {outcome.Unit}."
                : outcome.Notified is > 0
                    ? $"Đã trả lại báo cáo {outcome.Period} của {outcome.Unit}; bot đã nhắn cho {outcome.Notified} người của đơn vị."
                    : $"Đã trả lại báo cáo {outcome.Period} của {outcome.Unit}. Đơn vị chưa có ai đăng ký bot nên chưa nhắn được; hãy báo trực tiếp.";
            return RedirectWithFlash(message, "/Review/Details", new { id });
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Report = Take<ReportDetails>((await ReportsApi.GetReport(db, id, ct)).Result);
        return Report is not null;
    }
}
