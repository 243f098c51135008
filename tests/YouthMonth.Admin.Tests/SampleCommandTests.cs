using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core;
using YouthMonth.Testing;

namespace YouthMonth.Admin.Tests;

/// <summary>
/// The command scripts/run.sh uses: the built Admin program, run as a process, loads the Cần Thơ sample shifted
/// by whole weeks into this week, and leaves a database that already holds a campaign alone.
/// </summary>
public sealed class SampleCommandTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Loads_the_sample_shifted_into_this_week_once()
    {
        var first = await RunAdminAsync("sample", "load", SamplePath("cantho-2024.json"), "--shift-to-this-week", "--if-empty");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Loaded \"", first.Output);

        await using (var db = _db.CreateDbContext())
        {
            var campaign = await db.Campaigns.SingleAsync();
            var today = VietnamTime.Today(TimeProvider.System, VietnamTime.Zone("Asia/Ho_Chi_Minh"));
            // The real plan starts on Friday 01/3/2024; shifted by whole weeks it starts on the Friday of this week
            // (Monday-based), so its weekday is kept and the demo has open periods.
            Assert.Equal(DayOfWeek.Friday, campaign.StartDate.DayOfWeek);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            Assert.InRange(campaign.StartDate, monday, monday.AddDays(6));
            var deadlines = await db.Periods.Where(p => p.CampaignId == campaign.Id).Select(p => p.DeadlineUtc).ToListAsync();
            Assert.NotEmpty(deadlines);
            Assert.All(deadlines, d => Assert.True(d.Year > 2024, $"deadline {d} was not shifted"));
            Assert.True(await db.Units.CountAsync() > 10);
        }

        var second = await RunAdminAsync("sample", "load", SamplePath("tanphu-2023.json"), "--if-empty");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("already has a campaign", second.Output);
        await using (var db = _db.CreateDbContext())
            Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task A_missing_file_is_named_and_writes_nothing()
    {
        var result = await RunAdminAsync("sample", "load", "samples/khong-co.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("khong-co.json", result.Output);
        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.Campaigns.CountAsync());
    }

    private static string SamplePath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln")))
                return Path.Combine(dir.FullName, "samples", file);
        throw new FileNotFoundException("YouthMonth.sln not found above the test folder");
    }

    private async Task<(int ExitCode, string Output)> RunAdminAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "YouthMonth.Admin.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__YouthMonth"] = _db.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
