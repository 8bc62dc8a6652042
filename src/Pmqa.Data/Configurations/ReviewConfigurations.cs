using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.Property(r => r.AssignedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Assessment).WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.AssessmentId, r.UserId }).IsUnique();
        b.HasIndex(r => r.UserId);
    }
}

internal sealed class ReviewAnswerConfiguration : IEntityTypeConfiguration<ReviewAnswer>
{
    public void Configure(EntityTypeBuilder<ReviewAnswer> b)
    {
        b.Property(a => a.IssueCode).HasMaxLength(16).IsRequired();
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<ReviewAssignment>().WithMany(r => r.Answers).HasForeignKey(a => a.ReviewAssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ReviewAssignmentId, a.IssueCode }).IsUnique();
    }
}

internal sealed class ConsensusAnswerConfiguration : IEntityTypeConfiguration<ConsensusAnswer>
{
    public void Configure(EntityTypeBuilder<ConsensusAnswer> b)
    {
        b.Property(a => a.IssueCode).HasMaxLength(16).IsRequired();
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.AssessmentId, a.IssueCode }).IsUnique();
    }
}

internal sealed class AssessmentTransitionConfiguration : IEntityTypeConfiguration<AssessmentTransition>
{
    public void Configure(EntityTypeBuilder<AssessmentTransition> b)
    {
        b.Property(t => t.Action).HasMaxLength(32).IsRequired();
        b.Property(t => t.FromState).HasMaxLength(32).IsRequired();
        b.Property(t => t.ToState).HasMaxLength(32).IsRequired();
        b.Property(t => t.Reason).HasMaxLength(4000);
        b.Property(t => t.By).HasMaxLength(256).IsRequired();
        b.HasOne<Assessment>().WithMany().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.AssessmentId, t.At });
    }
}

internal sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> b)
    {
        b.Property(c => c.IssueCode).HasMaxLength(16).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.AssessmentId, c.IssueCode });
    }
}

internal sealed class ClarificationMessageConfiguration : IEntityTypeConfiguration<ClarificationMessage>
{
    public void Configure(EntityTypeBuilder<ClarificationMessage> b)
    {
        b.Property(m => m.Text).IsRequired();
        b.Property(m => m.AuthorName).HasMaxLength(256).IsRequired();
        b.HasOne<Clarification>().WithMany(c => c.Messages).HasForeignKey(m => m.ClarificationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ClarificationId, m.At });
    }
}

internal sealed class SiteVisitConfiguration : IEntityTypeConfiguration<SiteVisit>
{
    public void Configure(EntityTypeBuilder<SiteVisit> b)
    {
        b.Property(v => v.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Location).HasMaxLength(1000).IsRequired();
        b.Property(v => v.TeamJson).IsRequired();
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany().HasForeignKey(v => v.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => v.AssessmentId).IsUnique();
    }
}

internal sealed class SiteVisitFindingConfiguration : IEntityTypeConfiguration<SiteVisitFinding>
{
    public void Configure(EntityTypeBuilder<SiteVisitFinding> b)
    {
        b.Property(f => f.IssueCode).HasMaxLength(16).IsRequired();
        b.Property(f => f.AdjustedScore).HasPrecision(9, 2);
        b.Property(f => f.AdjustmentReason).HasMaxLength(4000);
        b.Property(f => f.UpdatedBy).HasMaxLength(256);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<SiteVisit>().WithMany(v => v.Findings).HasForeignKey(f => f.SiteVisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.SiteVisitId, f.IssueCode }).IsUnique();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(c => c.Status).HasMaxLength(32).IsRequired();
        b.Property(c => c.FinalScore).HasPrecision(9, 2);
        b.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.AssessmentId).IsUnique();
        b.Property(c => c.Number).HasMaxLength(32).IsRequired();
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.SignatoryName).HasMaxLength(300).IsRequired();
        b.Property(c => c.SignatoryPosition).HasMaxLength(300).IsRequired();
    }
}

internal sealed class CertificateCounterConfiguration : IEntityTypeConfiguration<CertificateCounter>
{
    public void Configure(EntityTypeBuilder<CertificateCounter> b)
    {
        b.HasKey(c => c.FiscalYear);
        b.Property(c => c.FiscalYear).ValueGeneratedNever();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Title).HasMaxLength(500).IsRequired();
        b.Property(n => n.Body).IsRequired();
        b.Property(n => n.Link).HasMaxLength(500).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.To).HasMaxLength(256).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        b.Property(m => m.Body).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
