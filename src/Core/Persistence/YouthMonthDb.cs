using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Access;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Persistence;

public class YouthMonthDb(DbContextOptions<YouthMonthDb> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<LeaderChat> LeaderChats => Set<LeaderChat>();
    public DbSet<InviteCode> InviteCodes => Set<InviteCode>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportActivity> ReportActivities => Set<ReportActivity>();
    public DbSet<ReportMetricValue> ReportValues => Set<ReportMetricValue>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();
    public DbSet<ReportPhotoFailure> ReportPhotoFailures => Set<ReportPhotoFailure>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<ReportAudit> ReportAudits => Set<ReportAudit>();

    public DbSet<ChatAccount> ChatAccounts => Set<ChatAccount>();
    public DbSet<ChatBindingAudit> ChatBindingAudit => Set<ChatBindingAudit>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SendPacing> SendPacing => Set<SendPacing>();
    public DbSet<DialogState> DialogStates => Set<DialogState>();
    public DbSet<Scheduling.ScheduledRun> ScheduledRuns => Set<Scheduling.ScheduledRun>();
    public DbSet<Scheduling.ScheduledDispatch> ScheduledDispatches => Set<Scheduling.ScheduledDispatch>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OfficeUser> OfficeUsers => Set<OfficeUser>();

    /// <summary>The plan_version this unit of work read (see <see cref="PlanCache"/>); null until the first plan read.</summary>
    /// <remarks>
    /// The context is pooled (CoreServices) and the pool gives no hook of ours when it takes a context back, so the
    /// number is kept with the lease it was read in: the next scope to get this context has a new lease and reads
    /// the version afresh instead of answering from an old plan (PooledContextTests).
    /// </remarks>
    internal long? PlanVersion
    {
        get => _planVersion is { } read && read.Lease == ContextId.Lease ? read.Version : null;
        set => _planVersion = value is { } version ? (ContextId.Lease, version) : null;
    }

    private (int Lease, long Version)? _planVersion;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(YouthMonthDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // Enums are stored by name so the database reads like the domain.
        b.Properties<CampaignStatus>().HaveConversion<string>();
        b.Properties<UnitKind>().HaveConversion<string>();
        b.Properties<PeriodKind>().HaveConversion<string>();
        b.Properties<MetricKind>().HaveConversion<string>();
        b.Properties<TargetRule>().HaveConversion<string>();
        b.Properties<ActivityLevel>().HaveConversion<string>();
        b.Properties<ActivityTimeKind>().HaveConversion<string>();
        b.Properties<ReportStatus>().HaveConversion<string>();
        b.Properties<ReviewStatus>().HaveConversion<string>();
        b.Properties<NominationKind>().HaveConversion<string>();
        b.Properties<Channel>().HaveConversion<string>();
        b.Properties<ChatType>().HaveConversion<string>();
        b.Properties<OutboxState>().HaveConversion<string>();
        b.Properties<ChatBindingAction>().HaveConversion<string>();
        b.Properties<ApiRole>().HaveConversion<string>();
        b.Properties<Messaging.PhotoRejection>().HaveConversion<string>();
    }
}
