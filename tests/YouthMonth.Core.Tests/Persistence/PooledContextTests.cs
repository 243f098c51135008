using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Persistence;

/// <summary>
/// YouthMonthDb is pooled (CoreServices): the context a scope gets may be the one the previous scope used. It must
/// come back as if new — above all it must not answer from the plan version the previous scope read.
/// </summary>
public sealed class PooledContextTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task A_context_back_from_the_pool_sees_a_plan_edit_made_in_between_and_nothing_of_its_last_scope()
    {
        var plan = await TestPlan.SeedAsync(_db);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddYouthMonthCore(_db.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        YouthMonthDb first;
        int organisation;
        await using (var scope = provider.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
            organisation = (await first.Campaigns.SingleAsync(c => c.Id == plan.CampaignId)).OrganisationId;
            Assert.Equal("Asia/Ho_Chi_Minh", await PlanCache.TimeZoneIdAsync(first, organisation, CancellationToken.None));
            first.Database.AutoSavepointsEnabled = false;
        }

        // An office edit between the two scopes (the trigger bumps plan_version).
        await _db.ExecAsync($"UPDATE organisations SET time_zone_id = 'Asia/Bangkok' WHERE id = {organisation}");

        await using (var scope = provider.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
            Assert.Same(first, second);
            Assert.Equal("Asia/Bangkok", await PlanCache.TimeZoneIdAsync(second, organisation, CancellationToken.None));
            Assert.True(second.Database.AutoSavepointsEnabled);
            Assert.Empty(second.ChangeTracker.Entries());
        }
    }
}
