using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(32).IsRequired();
        // The computed column's SQL and storage differ by provider: see PmqaDbContext.OnModelCreating.
        b.Property(o => o.CodeKey).HasMaxLength(32);
        b.HasIndex(o => o.CodeKey).IsUnique();
        b.Property(o => o.NameTh).HasMaxLength(300).IsRequired();
        b.Property(o => o.NameEn).HasMaxLength(300).IsRequired();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.Type);
    }
}
