using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(u => u.PreferredLanguage).HasMaxLength(8).IsRequired();
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> b)
    {
        b.Property(f => f.Code).HasMaxLength(64).IsRequired();
        b.Property(f => f.Version).HasMaxLength(64).IsRequired();
        b.HasIndex(f => new { f.Code, f.Version }).IsUnique();
        b.Property(f => f.NameTh).HasMaxLength(300);
        b.Property(f => f.NameEn).HasMaxLength(300);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityKey).HasMaxLength(128);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => a.UserId);
        b.HasIndex(a => new { a.OrganizationId, a.At });
        b.HasIndex(a => new { a.AssessmentId, a.At });
    }
}
