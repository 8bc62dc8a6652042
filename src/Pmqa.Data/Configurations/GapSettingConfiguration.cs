using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class GapSettingConfiguration : IEntityTypeConfiguration<GapSetting>
{
    /// <summary>The longest rationale accepted (the API and the page say so at the field).</summary>
    public const int RationaleLength = 2000; // TextLimits.Reason of the web layer

    public void Configure(EntityTypeBuilder<GapSetting> b)
    {
        b.ToTable("GapSettings");
        b.Property(g => g.IssueCode).HasMaxLength(16).IsRequired();
        b.Property(g => g.TargetLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(g => g.Rationale).HasMaxLength(RationaleLength);
        b.Property(g => g.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany().HasForeignKey(g => g.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.AssessmentId, g.IssueCode }).IsUnique();
    }
}
