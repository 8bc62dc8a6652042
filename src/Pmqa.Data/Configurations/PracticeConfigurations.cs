using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class SharedPracticeConfiguration : IEntityTypeConfiguration<SharedPractice>
{
    public void Configure(EntityTypeBuilder<SharedPractice> b)
    {
        b.Property(p => p.IssueCode).HasMaxLength(32).IsRequired();
        b.Property(p => p.IssueNameTh).HasMaxLength(1000).IsRequired();
        b.Property(p => p.IssueNameEn).HasMaxLength(1000).IsRequired();
        b.Property(p => p.Level).HasMaxLength(16).IsRequired();
        b.Property(p => p.ExplanationsJson).IsRequired();
        b.Property(p => p.EvidenceIds).HasMaxLength(4000).IsRequired();
        b.Property(p => p.SharedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.DecidedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.DeclineReason).HasMaxLength(2000).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.EvidenceIdList);
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.AssessmentId, p.IssueCode }).IsUnique();
        b.HasIndex(p => new { p.Status, p.IssueCode });
        b.HasIndex(p => p.OrganizationId);
    }
}
