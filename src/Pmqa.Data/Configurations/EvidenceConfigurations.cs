using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.ToTable("Evidence");
        b.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        b.Property(e => e.FileName).HasMaxLength(255).IsRequired();
        b.Property(e => e.ContentType).HasMaxLength(128).IsRequired();
        b.Property(e => e.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.RemovedBy).HasMaxLength(256);
        b.HasOne<Assessment>().WithMany().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // The same bytes are one file per assessment (the upload answers the existing one); a removed
        // file no longer counts, so the same bytes may be uploaded again after a removal.
        b.HasIndex(e => new { e.AssessmentId, e.Sha256 }).IsUnique().HasFilter("\"RemovedAt\" IS NULL");
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> b)
    {
        b.Property(l => l.IssueCode).HasMaxLength(16).IsRequired();
        b.HasOne<Evidence>().WithMany(e => e.Links).HasForeignKey(l => l.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.EvidenceId, l.IssueCode }).IsUnique();
    }
}
