using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;

namespace Pmqa.Data;

public sealed class PmqaDbContext(DbContextOptions<PmqaDbContext> options) : IdentityUserContext<AppUser, Guid>(options)
{
    // Read from the options, not Database.ProviderName: the latter re-enters model building and deadlocks.
    private readonly bool _isSqlite = options.Extensions.Any(e => e.GetType().Name == "SqliteOptionsExtension");

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundExtension> RoundExtensions => Set<RoundExtension>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<IssueAnswer> IssueAnswers => Set<IssueAnswer>();
    public DbSet<AssessmentScoreCard> AssessmentScoreCards => Set<AssessmentScoreCard>();
    public DbSet<AssessmentCardScore> AssessmentCardScores => Set<AssessmentCardScore>();
    public DbSet<AssessmentVerifiedScore> AssessmentVerifiedScores => Set<AssessmentVerifiedScore>();
    public DbSet<DashboardScoreCount> DashboardScoreCounts => Set<DashboardScoreCount>();
    public DbSet<DashboardTickCount> DashboardTickCounts => Set<DashboardTickCount>();
    public DbSet<ProfileAnswer> ProfileAnswers => Set<ProfileAnswer>();
    public DbSet<CategoryAssignment> CategoryAssignments => Set<CategoryAssignment>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<ReviewAnswer> ReviewAnswers => Set<ReviewAnswer>();
    public DbSet<ConsensusAnswer> ConsensusAnswers => Set<ConsensusAnswer>();
    public DbSet<AssessmentTransition> AssessmentTransitions => Set<AssessmentTransition>();
    public DbSet<Clarification> Clarifications => Set<Clarification>();
    public DbSet<ClarificationMessage> ClarificationMessages => Set<ClarificationMessage>();
    public DbSet<SiteVisit> SiteVisits => Set<SiteVisit>();
    public DbSet<SiteVisitFinding> SiteVisitFindings => Set<SiteVisitFinding>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateCounter> CertificateCounters => Set<CertificateCounter>();
    public DbSet<RoundAudience> RoundAudiences => Set<RoundAudience>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<GapSetting> GapSettings => Set<GapSetting>();
    public DbSet<ImprovementPlan> ImprovementPlans => Set<ImprovementPlan>();
    public DbSet<PlanProject> PlanProjects => Set<PlanProject>();
    public DbSet<ProjectAction> ProjectActions => Set<ProjectAction>();
    public DbSet<PlanComment> PlanComments => Set<PlanComment>();
    public DbSet<PlanReport> PlanReports => Set<PlanReport>();
    public DbSet<PlanReportEntry> PlanReportEntries => Set<PlanReportEntry>();
    public DbSet<PlanReportResult> PlanReportResults => Set<PlanReportResult>();
    public DbSet<PublishedResult> PublishedResults => Set<PublishedResult>();
    public DbSet<ResultWithholding> ResultWithholdings => Set<ResultWithholding>();
    public DbSet<OpenDataFile> OpenDataFiles => Set<OpenDataFile>();
    public DbSet<OpenDataRevision> OpenDataRevisions => Set<OpenDataRevision>();
    public DbSet<PromotionEvent> PromotionEvents => Set<PromotionEvent>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<CalendarReminder> CalendarReminders => Set<CalendarReminder>();
    public DbSet<RoundReportPrint> RoundReportPrints => Set<RoundReportPrint>();
    public DbSet<RoundReportPrintItem> RoundReportPrintItems => Set<RoundReportPrintItem>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<SharedPractice> SharedPractices => Set<SharedPractice>();
    public DbSet<DigitalService> DigitalServices => Set<DigitalService>();
    public DbSet<CatalogDataset> CatalogDatasets => Set<CatalogDataset>();
    public DbSet<DataExchange> DataExchanges => Set<DataExchange>();
    public DbSet<AreaProject> AreaProjects => Set<AreaProject>();
    public DbSet<ParticipationChannel> ParticipationChannels => Set<ParticipationChannel>();
    public DbSet<DigitalPeriod> DigitalPeriods => Set<DigitalPeriod>();
    public DbSet<DigitalUpdate> DigitalUpdates => Set<DigitalUpdate>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PmqaDbContext).Assembly);
        // SQLite adds only virtual generated columns to an existing table; PostgreSQL (before 18) has only stored ones.
        builder.Entity<Organization>().Property(o => o.CodeKey).HasComputedColumnSql("lower(\"Code\")", stored: !_isSqlite);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Enums are stored by name: readable in SQL and safe when members are added.
        conventions.Properties<Role>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<OrganizationType>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Plans.PlanStatus>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<Pmqa.Domain.Plans.PlanHorizon>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Plans.ActionStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Plans.ReportPeriod>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Practices.PracticeStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Digital.Audience>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Digital.ServiceChannel>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Digital.UpdateFrequency>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Digital.ExchangeDirection>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Digital.AreaProjectStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Pmqa.Domain.Digital.UpdateStatus>().HaveConversion<string>().HaveMaxLength(24);

        // SQLite has no instant type and cannot compare DateTimeOffset text; UTC ticks sort and compare
        // correctly. PostgreSQL keeps its native timestamptz.
        if (_isSqlite)
        {
            conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            conventions.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>An instant as UTC ticks (SQLite). Public because the compiled model (Pmqa.Web, ADR 0036) creates it.</summary>
    public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
