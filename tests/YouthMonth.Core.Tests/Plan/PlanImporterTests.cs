using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Plan;

public sealed class PlanImporterTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_failure_while_writing_the_campaign_rolls_back_the_units_written_before_it()
    {
        var doc = SampleFiles.Load("tanphu-2023.json");
        // Bypasses the validator on purpose: two metrics with one code break the unique index at the last step.
        var broken = doc with { Campaign = doc.Campaign with { Metrics = [.. doc.Campaign.Metrics, doc.Campaign.Metrics[0]] } };

        await using (var db = _db.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateException>(() => PlanImporter.ImportAsync(db, broken));
        }

        await using var check = _db.CreateDbContext();
        Assert.Equal(0, await check.Organisations.CountAsync());
        Assert.Equal(0, await check.Units.CountAsync());
        Assert.Equal(0, await check.Campaigns.CountAsync());
    }

    [Fact]
    public async Task Units_get_ids_in_document_order_and_names_in_NFC()
    {
        var doc = SampleFiles.Load("cantho-2024.json");
        var nfd = doc with { Units = [.. doc.Units.Select(u => u with { Name = u.Name.Normalize(System.Text.NormalizationForm.FormD) })] };

        await using (var db = _db.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PlanImporter.ImportAsync(db, nfd);
            await tx.CommitAsync();
        }

        await using var check = _db.CreateDbContext();
        Assert.Equal(doc.Units.Select(u => u.Name), await check.Units.OrderBy(u => u.Id).Select(u => u.Name).ToListAsync());
        var linked = await check.Activities.Include(a => a.ResponsibleUnits).Where(a => a.ResponsibleUnits.Count > 0).CountAsync();
        Assert.Equal(doc.Campaign.Activities.Count(a => a.ResponsibleUnits.Count > 0), linked);
    }

    [Fact]
    public async Task An_activity_given_only_as_text_gets_its_parsed_dates_on_import()
    {
        var doc = SampleFiles.Load("tanphu-2023.json");
        var activity = new ActivityDocument { Title = "Ngày hội hiến máu", TimeText = "07g30 ngày 12/3", Category = ActivityCategories.SocialWelfare };
        var withText = doc with { Campaign = doc.Campaign with { Activities = [activity] } };

        await using (var db = _db.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PlanImporter.ImportAsync(db, withText);
            await tx.CommitAsync();
        }

        await using var check = _db.CreateDbContext();
        var stored = await check.Activities.SingleAsync();
        Assert.Equal(ActivityTimeKind.Day, stored.TimeKind);
        Assert.Equal([new DateOnly(2023, 3, 12)], stored.Dates);
        Assert.Equal(new TimeOnly(7, 30), stored.TimeOfDay);
        Assert.Equal("07g30 ngày 12/3", stored.TimeText);
    }
}
