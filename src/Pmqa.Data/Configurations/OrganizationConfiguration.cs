using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.NameTh).HasMaxLength(300).IsRequired();
        b.Property(o => o.NameEn).HasMaxLength(300).IsRequired();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.Type);
    }
}
