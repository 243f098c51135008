using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Review).HasMaxLength(16);
        e.Property(x => x.ReviewReason).HasMaxLength(2000);
        e.Property(x => x.Assessment).HasMaxLength(8000);
        e.Property(x => x.Limitations).HasMaxLength(8000);
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.SubmittedBy).WithMany().HasForeignKey(x => x.SubmittedByContactId).OnDelete(DeleteBehavior.SetNull);
        // One report per unit per period: the rule that keeps numbers from being counted twice.
        e.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
    }
}

internal sealed class ReportActivityConfiguration : IEntityTypeConfiguration<ReportActivity>
{
    public void Configure(EntityTypeBuilder<ReportActivity> e)
    {
        e.Property(x => x.Title).HasMaxLength(1000);
        e.Property(x => x.Category).HasMaxLength(32);
        e.Property(x => x.NewsText).HasMaxLength(4000);
        e.HasOne(x => x.Report).WithMany(r => r.Activities).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Activity).WithMany().OnDelete(DeleteBehavior.SetNull);
        // Summaries: the reports with an activity of a category (coverage targets), read from the index alone.
        e.HasIndex(x => new { x.Category, x.ReportId });
    }
}

internal sealed class ReportMetricValueConfiguration : IEntityTypeConfiguration<ReportMetricValue>
{
    public void Configure(EntityTypeBuilder<ReportMetricValue> e)
    {
        e.ToTable("report_values");
        e.Property(x => x.MetricCode).HasMaxLength(64);
        e.Property(x => x.Value).HasPrecision(20, 2);
        e.HasOne(x => x.Report).WithMany(r => r.Values).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.ReportActivity).WithMany().OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ReportId, x.ReportActivityId, x.MetricCode }).IsUnique().AreNullsDistinct(false);
        // Summaries: report-wide values by report and metric; the largest per-activity numbers first (highlights).
        e.HasIndex(x => new { x.ReportId, x.MetricCode }).HasFilter("report_activity_id IS NULL");
        e.HasIndex(x => new { x.MetricCode, x.Value, x.ReportActivityId }).IsDescending(false, true, false)
            .HasFilter("report_activity_id IS NOT NULL");
        // Summaries: one metric's values by report (per-unit-minimum targets), read from the index alone.
        e.HasIndex(x => new { x.MetricCode, x.ReportId }).IncludeProperties(x => new { x.Value, x.ReportActivityId });
        // Summaries: which totals include an estimate; estimates are few, so the partial index stays small.
        e.HasIndex(x => x.ReportId).HasFilter("approximate");
        e.ToTable(t => t.HasCheckConstraint("ck_report_values_not_negative", "value >= 0"));
    }
}

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> e)
    {
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(32);
        e.Property(x => x.StoragePath).HasMaxLength(300);
        e.Property(x => x.TelegramFileId).HasMaxLength(300);
        e.Property(x => x.SourceUrl).HasMaxLength(2000);
        e.HasIndex(x => x.Sha256).IsUnique();
    }
}

internal sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> e)
    {
        e.HasKey(x => new { x.ReportActivityId, x.PhotoId });
        e.Property(x => x.Caption).HasMaxLength(1024);
        e.HasOne(x => x.ReportActivity).WithMany(a => a.Photos).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Photo).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportPhotoFailureConfiguration : IEntityTypeConfiguration<ReportPhotoFailure>
{
    public void Configure(EntityTypeBuilder<ReportPhotoFailure> e)
    {
        e.Property(x => x.FileName).HasMaxLength(256);
        e.Property(x => x.Caption).HasMaxLength(1024);
        e.Property(x => x.Reason).HasMaxLength(32);
        e.Property(x => x.Detail).HasMaxLength(200);
        e.HasOne(x => x.ReportActivity).WithMany(a => a.PhotoFailures).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> e)
    {
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.Property(x => x.Position).HasMaxLength(300);
        e.HasOne(x => x.Report).WithMany(r => r.Nominations).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ReportId, x.Kind, x.SortOrder }).IsUnique();
    }
}

internal sealed class ReportAuditConfiguration : IEntityTypeConfiguration<ReportAudit>
{
    public void Configure(EntityTypeBuilder<ReportAudit> e)
    {
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.Action).HasMaxLength(200);
        e.Property(x => x.Snapshot).HasColumnType("jsonb");
        e.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ReportId);
    }
}
