using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.ParentName).HasMaxLength(300);
        e.Property(x => x.Place).HasMaxLength(100);
        e.Property(x => x.TimeZoneId).HasMaxLength(64);
        e.Property(x => x.Letterhead).HasColumnType("jsonb")
            .HasConversion(v => v.ToJson(), v => Letterhead.FromJson(v),
                new ValueComparer<Letterhead>((a, b) => a!.ToJson() == b!.ToJson(), v => v.ToJson().GetHashCode(StringComparison.Ordinal), v => Letterhead.FromJson(v.ToJson())));
        e.Property(x => x.Version).IsRowVersion();
        e.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Theme).HasMaxLength(1000);
        e.Property(x => x.PlanNumber).HasMaxLength(100);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Version).IsRowVersion();
        e.OwnsOne(x => x.Reminders, r => r.ToJson());
        e.HasOne(x => x.Organisation).WithMany(o => o.Campaigns).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Cluster).HasMaxLength(100);
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Organisation).WithMany(o => o.Units).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Phone).HasMaxLength(32);
        e.Property(x => x.Role).HasMaxLength(100);
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Unit).WithMany(u => u.Contacts).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeaderChatConfiguration : IEntityTypeConfiguration<LeaderChat>
{
    public void Configure(EntityTypeBuilder<LeaderChat> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Organisation).WithMany(o => o.LeaderChats).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InviteCodeConfiguration : IEntityTypeConfiguration<InviteCode>
{
    public void Configure(EntityTypeBuilder<InviteCode> e)
    {
        e.Property(x => x.Code).HasMaxLength(64);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Contact).WithMany().OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.LeaderChat).WithMany().OnDelete(DeleteBehavior.Cascade);
        e.ToTable(t => t.HasCheckConstraint("ck_invite_codes_one_owner", "(contact_id IS NULL) <> (leader_chat_id IS NULL)"));
    }
}

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> e)
    {
        e.ToTable("periods");
        e.Property(x => x.Label).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Questions).HasColumnType("jsonb")
            .HasConversion(v => v == null ? null : v.ToJson(), v => PeriodQuestions.FromJson(v),
                new ValueComparer<PeriodQuestions?>((a, b) => (a == null ? null : a.ToJson()) == (b == null ? null : b.ToJson()),
                    v => v == null ? 0 : v.ToJson().GetHashCode(StringComparison.Ordinal), v => v == null ? null : PeriodQuestions.FromJson(v.ToJson())));
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Campaign).WithMany(c => c.Periods).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CampaignId, x.DeadlineUtc });
    }
}

internal sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> e)
    {
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Label).HasMaxLength(200);
        e.Property(x => x.Unit).HasMaxLength(50);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Max).HasColumnName("max_value").HasPrecision(20, 2);
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Campaign).WithMany(c => c.Metrics).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CampaignId, x.Code }).IsUnique();
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> e)
    {
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Rule).HasMaxLength(24);
        e.Property(x => x.MetricCode).HasMaxLength(64);
        e.Property(x => x.Category).HasMaxLength(32);
        e.Property(x => x.Goal).HasPrecision(20, 2);
        e.Property(x => x.YearlyQuota).HasPrecision(20, 2);
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Campaign).WithMany(c => c.Targets).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CampaignId, x.Number }).IsUnique();
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.Property(x => x.Title).HasMaxLength(1000);
        e.Property(x => x.TimeText).HasMaxLength(200);
        e.Property(x => x.TimeKind).HasMaxLength(16);
        e.Property(x => x.Place).HasMaxLength(500);
        e.Property(x => x.Level).HasMaxLength(16);
        e.Property(x => x.Category).HasMaxLength(32);
        e.Property(x => x.Version).IsRowVersion();
        e.Ignore(x => x.FirstDate);
        e.Ignore(x => x.LastDate);
        e.HasOne(x => x.Campaign).WithMany(c => c.Activities).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.ResponsibleUnits).WithMany()
            .UsingEntity(j => j.ToTable("activity_responsible_units"));
    }
}
