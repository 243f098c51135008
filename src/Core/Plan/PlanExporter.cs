using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Plan;

/// <summary>Reads one campaign with its organisation, units, contacts and leader chats as a <see cref="PlanDocument"/>.</summary>
public static class PlanExporter
{
    public static async Task<PlanDocument?> ExportAsync(YouthMonthDb db, int campaignId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery()
            .Include(c => c.Organisation!).ThenInclude(o => o.Units).ThenInclude(u => u.Contacts)
            .Include(c => c.Organisation!).ThenInclude(o => o.LeaderChats)
            .Include(c => c.Periods).Include(c => c.Metrics).Include(c => c.Targets)
            .Include(c => c.Activities).ThenInclude(a => a.ResponsibleUnits)
            .FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign?.Organisation is not { } org) return null;
        var zone = VietnamTime.Zone(org.TimeZoneId);

        return new PlanDocument
        {
            Organisation = new OrganisationDocument
            {
                Name = org.Name, ParentName = org.ParentName, Place = org.Place, TimeZone = org.TimeZoneId,
                Letterhead = org.Letterhead.ToJson() == new Letterhead().ToJson() ? null : org.Letterhead,
            },
            Units = [.. org.Units.OrderBy(u => u.Id).Select(u => new UnitDocument
            {
                Name = u.Name, Kind = u.Kind, Cluster = u.Cluster, MemberCount = u.MemberCount, Active = u.Active,
                Contacts = [.. u.Contacts.OrderBy(c => c.Id).Select(c => new ContactDocument
                {
                    Name = c.Name, Phone = c.Phone, Role = c.Role, Active = c.Active,
                })],
            })],
            LeaderChats = [.. org.LeaderChats.OrderBy(l => l.Id).Select(l => new LeaderChatDocument { Name = l.Name, Active = l.Active })],
            Campaign = new CampaignDocument
            {
                Name = campaign.Name,
                Theme = campaign.Theme,
                PlanNumber = campaign.PlanNumber,
                IssuedOn = campaign.IssuedOn,
                StartDate = campaign.StartDate,
                EndDate = campaign.EndDate,
                LeadDays = campaign.LeadDays,
                Status = campaign.Status,
                Reminders = campaign.Reminders,
                Periods = [.. campaign.Periods.OrderBy(p => p.DeadlineUtc).ThenBy(p => p.Id).Select(p => new PeriodDocument
                {
                    Kind = p.Kind, Number = p.Number, Label = p.Label, WindowStart = p.WindowStart, WindowEnd = p.WindowEnd,
                    Deadline = VietnamTime.ToLocal(p.DeadlineUtc, zone), Questions = p.Questions, PhotosRequired = p.PhotosRequired,
                })],
                Metrics = [.. campaign.Metrics.OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(m => new MetricDocument
                {
                    Code = m.Code, Label = m.Label, Unit = m.Unit, Kind = m.Kind, Categories = [.. m.Categories], Aliases = [.. m.Aliases],
                    Max = m.Max,
                })],
                Targets = [.. campaign.Targets.OrderBy(t => t.Number).Select(t => new TargetDocument
                {
                    Number = t.Number, Text = t.Text, Rule = t.Rule, MetricCode = t.MetricCode, Category = t.Category,
                    Goal = t.Goal, YearlyQuota = t.YearlyQuota,
                })],
                Activities = [.. campaign.Activities.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new ActivityDocument
                {
                    Title = a.Title, TimeText = a.TimeText, TimeKind = a.TimeKind, Dates = [.. a.Dates], TimeOfDay = a.TimeOfDay,
                    Place = a.Place, Level = a.Level, Category = a.Category, Metrics = [.. a.MetricCodes],
                    ResponsibleUnits = [.. a.ResponsibleUnits.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => u.Name)],
                })],
            },
        };
    }
}
