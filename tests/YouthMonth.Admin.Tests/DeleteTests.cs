using System.Net;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Admin.Tests;

/// <summary>Reports cascade with their unit or period in the schema, so the API refuses deletes that would lose them.</summary>
public sealed class DeleteTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_unit_period_or_campaign_with_a_report_is_not_deleted_and_the_report_stays()
    {
        var client = await app.ClientAsync();
        var imported = await client.PostJsonAsync("/api/plan/import", Http.Sample("tanphu-2023.json")).AssertStatusAsync(HttpStatusCode.Created);
        var campaignId = (int)(await imported.JsonAsync())["campaignId"]!;
        int unitId, periodId, otherUnitId;
        await using (var db = app.Db())
        {
            var units = await db.Units.OrderBy(u => u.Id).Take(2).ToListAsync();
            (unitId, otherUnitId) = (units[0].Id, units[1].Id);
            periodId = await db.Periods.Where(p => p.CampaignId == campaignId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            db.Reports.Add(new Report { PeriodId = periodId, UnitId = unitId, Status = ReportStatus.Submitted, CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/units/{unitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/periods/{periodId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/campaigns/{campaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/units/{otherUnitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/units/{otherUnitId}")).StatusCode);

        await using var check = app.Db();
        Assert.Equal(1, await check.Reports.CountAsync());
        Assert.True(await check.Units.AnyAsync(u => u.Id == unitId));
        Assert.False(await check.Units.AnyAsync(u => u.Id == otherUnitId));
    }
}
