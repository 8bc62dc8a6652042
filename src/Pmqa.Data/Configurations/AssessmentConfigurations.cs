using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.Property(r => r.Audiences).HasMaxLength(100).IsRequired();
        b.Property(r => r.SiteVisitThreshold).HasPrecision(9, 2);
        b.Property(r => r.DefaultCategoryAwardThreshold).HasPrecision(9, 2);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.FrameworkVersion).WithMany().HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.FiscalYear);
        b.Property(r => r.SignatoryName).HasMaxLength(300).IsRequired();
        b.Property(r => r.SignatoryPosition).HasMaxLength(300).IsRequired();
    }
}

internal sealed class RoundAudienceConfiguration : IEntityTypeConfiguration<RoundAudience>
{
    public void Configure(EntityTypeBuilder<RoundAudience> b)
    {
        b.HasKey(a => new { a.FiscalYear, a.Audience });
        b.Property(a => a.Audience).HasMaxLength(32);
        b.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundExtensionConfiguration : IEntityTypeConfiguration<RoundExtension>
{
    public void Configure(EntityTypeBuilder<RoundExtension> b)
    {
        b.Property(e => e.Reason).HasMaxLength(2000).IsRequired();
        b.HasOne<Round>().WithMany(r => r.Extensions).HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.RoundId, e.OrganizationId });
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.SubmittedBy).HasMaxLength(256);
        b.Property(a => a.ApproverName).HasMaxLength(200);
        b.Property(a => a.ApproverPosition).HasMaxLength(200);
        b.Property(a => a.SnapshotSha256).HasMaxLength(64);
        b.Property(a => a.VerifiedTotal).HasPrecision(9, 2);
        b.Property(a => a.VerifiedBy).HasMaxLength(256);
        b.Property(a => a.SiteVisitDeclineReason).HasMaxLength(4000);
        b.Property(a => a.FinalTotal).HasPrecision(9, 2);
        b.Property(a => a.CertificationReason).HasMaxLength(4000);
        b.HasOne(a => a.Round).WithMany(r => r.Assessments).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RoundId, a.OrganizationId }).IsUnique();
        b.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class IssueAnswerConfiguration : IEntityTypeConfiguration<IssueAnswer>
{
    public void Configure(EntityTypeBuilder<IssueAnswer> b)
    {
        b.Property(a => a.IssueCode).HasMaxLength(16).IsRequired();
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany(a => a.Answers).HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.AssessmentId, a.IssueCode }).IsUnique();
    }
}

internal sealed class AssessmentScoreCardConfiguration : IEntityTypeConfiguration<AssessmentScoreCard>
{
    public void Configure(EntityTypeBuilder<AssessmentScoreCard> b)
    {
        b.HasKey(c => c.AssessmentId);
        b.HasOne<Assessment>().WithOne().HasForeignKey<AssessmentScoreCard>(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.CategoriesJson).IsRequired();
        b.Property(c => c.IssuesJson).IsRequired();
        b.Property(c => c.Figures).IsRequired();
        b.Property(c => c.Ticks).IsRequired();
    }
}

internal sealed class AssessmentCardScoreConfiguration : IEntityTypeConfiguration<AssessmentCardScore>
{
    public void Configure(EntityTypeBuilder<AssessmentCardScore> b)
    {
        b.HasKey(s => new { s.AssessmentId, s.Part, s.Position });
        b.HasOne<AssessmentScoreCard>().WithMany().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Code).HasMaxLength(16).IsRequired();
        // PostgreSQL keeps the score in the index (INCLUDE, migration 0023): the dashboard's statistics are index-only
        // scans. Set by the annotation's name so that this provider-neutral project needs no Npgsql reference; SQLite
        // ignores it (its migration has no INCLUDE either).
        b.HasIndex(s => new { s.Part, s.Code, s.AssessmentId }).HasAnnotation("Npgsql:IndexInclude", new[] { nameof(AssessmentCardScore.Score) });
    }
}

internal sealed class AssessmentVerifiedScoreConfiguration : IEntityTypeConfiguration<AssessmentVerifiedScore>
{
    public void Configure(EntityTypeBuilder<AssessmentVerifiedScore> b)
    {
        b.HasKey(s => new { s.AssessmentId, s.Part, s.Position });
        b.HasOne<Assessment>().WithMany().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Code).HasMaxLength(16).IsRequired();
    }
}

internal sealed class DashboardScoreCountConfiguration : IEntityTypeConfiguration<DashboardScoreCount>
{
    public void Configure(EntityTypeBuilder<DashboardScoreCount> b)
    {
        // The key is the histogram's bucket: triggers add to a bucket with INSERT … ON CONFLICT (key) DO UPDATE.
        b.HasKey(s => new { s.RoundId, s.Basis, s.Part, s.Code, s.OrganizationType, s.ParentId, s.Score });
        b.Property(s => s.Code).HasMaxLength(16).IsRequired();
        b.Property(s => s.OrganizationType).HasMaxLength(32).IsRequired();
    }
}

internal sealed class DashboardTickCountConfiguration : IEntityTypeConfiguration<DashboardTickCount>
{
    public void Configure(EntityTypeBuilder<DashboardTickCount> b)
    {
        // The key is the counter: triggers add to it with INSERT … ON CONFLICT (key) DO UPDATE (ADR 0035).
        b.HasKey(s => new { s.RoundId, s.OrganizationType, s.ParentId, s.Position });
        b.Property(s => s.OrganizationType).HasMaxLength(32).IsRequired();
    }
}
