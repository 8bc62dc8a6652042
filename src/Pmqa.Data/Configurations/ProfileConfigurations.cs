using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class ProfileAnswerConfiguration : IEntityTypeConfiguration<ProfileAnswer>
{
    public void Configure(EntityTypeBuilder<ProfileAnswer> b)
    {
        b.Property(p => p.SectionCode).HasMaxLength(16).IsRequired();
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.AssessmentId, p.SectionCode }).IsUnique();
    }
}

internal sealed class CategoryAssignmentConfiguration : IEntityTypeConfiguration<CategoryAssignment>
{
    public void Configure(EntityTypeBuilder<CategoryAssignment> b)
    {
        b.Property(c => c.CategoryCode).HasMaxLength(8).IsRequired();
        b.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.AssessmentId, c.CategoryCode }).IsUnique();
    }
}
