using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace YouthMonth.Core.Persistence.Configurations;

/// <summary>The one row of plan_version (migration 0790), bumped by triggers on every plan table; see Plan.PlanCache.</summary>
public sealed class PlanVersionRow
{
    public bool Id { get; set; } = true;
    public long Value { get; set; }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersionRow>
{
    public void Configure(EntityTypeBuilder<PlanVersionRow> e)
    {
        e.ToTable("plan_version");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
