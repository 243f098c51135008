using Microsoft.Extensions.Options;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Admin.Pages.Invitations;

/// <summary>The printable A4 sheet: one card per contact with a usable code (the same rows as Mời tham gia).</summary>
public sealed class SheetModel(YouthMonthDb db, TimeProvider clock, IOptions<InviteOptions> options) : OfficePage
{
    public IndexModel Rows { get; } = new(db, clock, options);

    public async Task OnGetAsync(int? campaignId, string? cluster, CancellationToken ct) => await Rows.LoadAsync(campaignId, cluster, ct);
}
