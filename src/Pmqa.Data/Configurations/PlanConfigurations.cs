using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class ImprovementPlanConfiguration : IEntityTypeConfiguration<ImprovementPlan>
{
    public void Configure(EntityTypeBuilder<ImprovementPlan> b)
    {
        b.Property(p => p.Summary).HasMaxLength(10000).IsRequired();
        b.Property(p => p.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.ApproverName).HasMaxLength(300).IsRequired();
        b.Property(p => p.ApproverPosition).HasMaxLength(300).IsRequired();
        b.Property(p => p.RejectionReason).HasMaxLength(2000).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Assessment).WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OrganizationId, p.FiscalYear, p.Horizon, p.VersionNumber }).IsUnique();
        b.HasIndex(p => p.AssessmentId);
    }
}

internal sealed class PlanProjectConfiguration : IEntityTypeConfiguration<PlanProject>
{
    public void Configure(EntityTypeBuilder<PlanProject> b)
    {
        b.Property(p => p.Title).HasMaxLength(300).IsRequired();
        b.Property(p => p.Objective).HasMaxLength(10000).IsRequired();
        b.Property(p => p.IssueCodes).HasMaxLength(2000).IsRequired();
        b.Property(p => p.Budget).HasPrecision(14, 2);
        b.Property(p => p.IndicatorName).HasMaxLength(300).IsRequired();
        b.Property(p => p.IndicatorUnit).HasMaxLength(300).IsRequired();
        b.Property(p => p.Baseline).HasPrecision(18, 4);
        b.Property(p => p.Target).HasPrecision(18, 4);
        b.HasOne<ImprovementPlan>().WithMany(p => p.Projects).HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.PlanId);
    }
}

internal sealed class ProjectActionConfiguration : IEntityTypeConfiguration<ProjectAction>
{
    public void Configure(EntityTypeBuilder<ProjectAction> b)
    {
        b.Property(a => a.Title).HasMaxLength(300).IsRequired();
        b.Property(a => a.Budget).HasPrecision(14, 2);
        b.HasOne<PlanProject>().WithMany(p => p.Actions).HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ProjectId);
    }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> b)
    {
        b.Property(c => c.Text).HasMaxLength(10000).IsRequired();
        b.Property(c => c.AuthorName).HasMaxLength(256).IsRequired();
        b.HasOne<ImprovementPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.PlanId, c.At });
    }
}

internal sealed class PlanReportConfiguration : IEntityTypeConfiguration<PlanReport>
{
    public void Configure(EntityTypeBuilder<PlanReport> b)
    {
        b.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<ImprovementPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PlanId, r.Period }).IsUnique();
    }
}

internal sealed class PlanReportEntryConfiguration : IEntityTypeConfiguration<PlanReportEntry>
{
    public void Configure(EntityTypeBuilder<PlanReportEntry> b)
    {
        b.Property(e => e.Narrative).HasMaxLength(10000).IsRequired();
        b.Property(e => e.EvidenceIds).HasMaxLength(4000).IsRequired();
        b.HasOne<PlanReport>().WithMany(r => r.Entries).HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ReportId, e.ActionId }).IsUnique();
    }
}

internal sealed class PlanReportResultConfiguration : IEntityTypeConfiguration<PlanReportResult>
{
    public void Configure(EntityTypeBuilder<PlanReportResult> b)
    {
        b.Property(r => r.Actual).HasPrecision(18, 4);
        b.Property(r => r.Narrative).HasMaxLength(10000).IsRequired();
        b.HasOne<PlanReport>().WithMany(r => r.Results).HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ReportId, r.ProjectId }).IsUnique();
    }
}
