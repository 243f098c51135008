using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Core.Persistence.Configurations;

internal sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<ScheduledRun> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(200);
        e.HasIndex(x => x.CampaignId);
    }
}

internal sealed class ScheduledDispatchConfiguration : IEntityTypeConfiguration<ScheduledDispatch>
{
    public void Configure(EntityTypeBuilder<ScheduledDispatch> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(200);
        e.Property(x => x.JobId).HasMaxLength(100);
    }
}
