using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Admin.Tests.Infrastructure;
using YouthMonth.Core;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// The Bot keeps the plan in memory between turns (PlanCache, keyed by plan_version): an office edit through the
/// admin API must be seen by the very next dialog turn, handled by a separate process-like service provider.
/// </summary>
public sealed class PlanCacheTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_activity_added_and_one_renamed_through_the_API_are_in_the_very_next_turn()
    {
        var plan = await TestPlan.SeedAsync(app.Database);
        await using var bot = Bot(app.Database);
        var chatId = $"cache-{Guid.NewGuid():N}"[..20];
        await using (var db = app.Db())
        {
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Telegram, ChatId = chatId, ContactId = plan.Contacts[0][0], CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        // This turn reads the campaign's plan (periods, activities) into the cache.
        var start = await bot.TurnAsync(chatId, new IncomingMessage { Channel = Channel.Telegram, ChatId = chatId, UserId = chatId, Text = "/baocao", Command = "baocao" });
        Assert.Contains("Tuần 1 (02/3–08/3)", start.Text);

        var client = await app.ClientAsync();
        await client.PostJsonAsync("/api/activities", $$"""
            {"campaignId": {{plan.CampaignId}}, "title": "Ngày hội trồng cây xanh", "timeText": "Trong tháng 3", "level": "Grassroots", "category": "xung_kich"}
            """).AssertStatusAsync(HttpStatusCode.Created);
        var blood = await (await client.GetAsync($"/api/activities/{plan.BloodDriveId}")).JsonAsync();
        await client.PutJsonAsync($"/api/activities/{plan.BloodDriveId}", $$"""
            {"campaignId": {{plan.CampaignId}}, "title": "Ngày hội hiến máu 2024", "timeText": "Trong tháng 3", "level": "Grassroots",
             "category": "{{(string)blood["category"]!}}", "metrics": ["blood_units"], "version": {{(uint)blood["version"]!}}}
            """).AssertStatusAsync(HttpStatusCode.OK);

        var yes = start.Choices.SelectMany(r => r).First(c => c.Label == "Có, báo cáo hoạt động");
        var activities = await bot.TurnAsync(chatId, new IncomingMessage { Channel = Channel.Telegram, ChatId = chatId, UserId = chatId, CallbackData = yes.Key });
        var labels = activities.Choices.SelectMany(r => r).Select(c => c.Label).ToList();
        Assert.Contains("Ngày hội hiến máu 2024", labels);
        Assert.DoesNotContain("Ngày hội hiến máu tình nguyện", labels);
        Assert.Contains("Ngày hội trồng cây xanh", labels);
    }

    private static BotTurns Bot(TestDatabase database) =>
        new(TurnServices.Build(database.ConnectionString, new TestClock(TestPlan.Local(2024, 3, 5, 9, 0))), database);

    /// <summary>What the Bot host does with one message: store it, handle it in one transaction, read the reply.</summary>
    private sealed class BotTurns(ServiceProvider services, TestDatabase database) : IAsyncDisposable
    {
        public async Task<OutgoingMessage> TurnAsync(string chatId, IncomingMessage message)
        {
            await using (var scope = services.CreateAsyncScope())
                Assert.True(await scope.ServiceProvider.GetRequiredService<Inbox>().StoreAsync(Guid.NewGuid().ToString("N"), message));
            Assert.Equal(1, await services.GetRequiredService<ChatProcessor>().ProcessAllAsync());
            await using var db = database.CreateDbContext();
            var rows = await db.Outbox.Where(o => o.ChatId == chatId && o.State == OutboxState.Pending).OrderBy(o => o.Id).ToListAsync();
            foreach (var r in rows) r.State = OutboxState.Sent;
            await db.SaveChangesAsync();
            return MessageJson.Deserialize<OutgoingMessage>(Assert.Single(rows).Payload);
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }
}
