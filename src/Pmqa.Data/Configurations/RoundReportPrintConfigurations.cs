using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class RoundReportPrintConfiguration : IEntityTypeConfiguration<RoundReportPrint>
{
    public void Configure(EntityTypeBuilder<RoundReportPrint> b)
    {
        b.Property(j => j.RequestedByName).HasMaxLength(256).IsRequired();
        b.Property(j => j.Language).HasMaxLength(8).IsRequired();
        b.Property(j => j.State).HasMaxLength(16).IsRequired();
        b.Property(j => j.ZipSha256).HasMaxLength(64);
        b.Property(j => j.Failure).HasMaxLength(2000);
        b.Property(j => j.LeaseOwner).HasMaxLength(128);
        b.HasIndex(j => new { j.RoundId, j.RequestedAt });
        b.HasIndex(j => j.State);
        // One job queued or running per round: a double click, or two instances, cannot start a second print of it.
        b.HasIndex(j => j.RoundId, "IX_RoundReportPrints_RoundId_Active").IsUnique().HasFilter("\"State\" IN ('queued', 'running')");
    }
}

internal sealed class RoundReportPrintItemConfiguration : IEntityTypeConfiguration<RoundReportPrintItem>
{
    public void Configure(EntityTypeBuilder<RoundReportPrintItem> b)
    {
        b.HasKey(i => new { i.JobId, i.AssessmentId });
        b.Property(i => i.FileName).HasMaxLength(300).IsRequired();
        b.Property(i => i.PdfSha256).HasMaxLength(64);
    }
}
