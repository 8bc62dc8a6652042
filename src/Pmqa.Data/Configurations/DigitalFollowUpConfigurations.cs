using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class DigitalPeriodConfiguration : IEntityTypeConfiguration<DigitalPeriod>
{
    public void Configure(EntityTypeBuilder<DigitalPeriod> b)
    {
        b.Property(p => p.NameTh).HasMaxLength(300).IsRequired();
        b.Property(p => p.NameEn).HasMaxLength(300).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Deadline);
    }
}

internal sealed class DigitalUpdateConfiguration : IEntityTypeConfiguration<DigitalUpdate>
{
    public void Configure(EntityTypeBuilder<DigitalUpdate> b)
    {
        b.Property(u => u.Note).HasMaxLength(2000).IsRequired();
        b.Property(u => u.RegisterJson).IsRequired();
        b.Property(u => u.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(u => u.ApprovedBy).HasMaxLength(256).IsRequired();
        b.Property(u => u.ReturnReason).HasMaxLength(2000).IsRequired();
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Period).WithMany().HasForeignKey(u => u.PeriodId).OnDelete(DeleteBehavior.Restrict);
        // One update per organisation and period, even when two people send at once.
        b.HasIndex(u => new { u.OrganizationId, u.PeriodId }).IsUnique();
        b.HasIndex(u => u.PeriodId);
    }
}
