using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Commands;

/// <summary>
/// Loads a sample plan from the command line (used by scripts/run.sh):
///   YouthMonth.Admin sample load samples/cantho-2024.json [--shift-to-this-week] [--if-empty]
/// --shift-to-this-week moves every date by whole weeks so the campaign starts this week (weekdays kept), or a week later
/// when week 1 would already be overdue, and puts the new year in the campaign's name;
/// --if-empty does nothing when the database already holds a campaign.
/// </summary>
public static class SampleCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 1 || args[0] != "sample") return false;
        if (args.Length < 3 || args[1] != "load")
        {
            Console.Error.WriteLine("Usage: sample load FILE [--shift-to-this-week] [--if-empty]");
            Environment.ExitCode = 2;
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
        if (args.Contains("--if-empty") && await db.Campaigns.AnyAsync())
        {
            Console.WriteLine("The database already has a campaign; sample not loaded.");
            return true;
        }

        PlanDocument? doc;
        try
        {
            await using var file = File.OpenRead(args[2]);
            doc = await JsonSerializer.DeserializeAsync<PlanDocument>(file, PlanDocument.JsonOptions);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot read {args[2]}: {ex.Message}");
            Environment.ExitCode = 1;
            return true;
        }
        if (doc is null) { Console.Error.WriteLine($"{args[2]} is empty."); Environment.ExitCode = 1; return true; }

        if (args.Contains("--shift-to-this-week"))
        {
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var now = VietnamTime.ToLocal(clock.GetUtcNow(), VietnamTime.Zone(doc.Organisation.TimeZone));
            var weeks = PlanShifter.WeeksForDemo(doc, now);
            doc = PlanShifter.ShiftWeeks(doc, weeks);
            Console.WriteLine($"Shifted the plan by {weeks} weeks: {VietnamTime.FormatDate(doc.Campaign.StartDate)}–{VietnamTime.FormatDate(doc.Campaign.EndDate)}.");
        }

        var errors = PlanValidator.Validate(doc);
        if (errors.Any)
        {
            foreach (var (field, messages) in errors.ToDictionary()) Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            Environment.ExitCode = 1;
            return true;
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var campaign = await PlanImporter.ImportAsync(db, doc);
        await tx.CommitAsync();
        Console.WriteLine($"Loaded \"{campaign.Name}\" (campaign #{campaign.Id}) with {doc.Units.Count} units and {doc.Campaign.Periods.Count} periods.");
        return true;
    }
}
