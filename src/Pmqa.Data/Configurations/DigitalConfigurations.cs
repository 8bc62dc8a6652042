using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class DigitalServiceConfiguration : IEntityTypeConfiguration<DigitalService>
{
    public void Configure(EntityTypeBuilder<DigitalService> b)
    {
        b.Property(s => s.Name).HasMaxLength(500).IsRequired();
        b.Property(s => s.LegalBasis).HasMaxLength(1000).IsRequired();
        b.Property(s => s.ExceptionReason).HasMaxLength(2000).IsRequired();
        b.Property(s => s.ExceptionGrantedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.ResponsibleUnit).HasMaxLength(300).IsRequired();
        b.Property(s => s.Link).HasMaxLength(2000).IsRequired();
        b.Property(s => s.EvidenceReference).HasMaxLength(500).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.OrganizationId);
    }
}

internal sealed class CatalogDatasetConfiguration : IEntityTypeConfiguration<CatalogDataset>
{
    public void Configure(EntityTypeBuilder<CatalogDataset> b)
    {
        b.Property(d => d.Title).HasMaxLength(500).IsRequired();
        b.Property(d => d.CatalogUrl).HasMaxLength(2000).IsRequired();
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.OrganizationId);
    }
}

internal sealed class DataExchangeConfiguration : IEntityTypeConfiguration<DataExchange>
{
    public void Configure(EntityTypeBuilder<DataExchange> b)
    {
        b.Property(d => d.PartnerAgency).HasMaxLength(300).IsRequired();
        b.Property(d => d.Data).HasMaxLength(500).IsRequired();
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.OrganizationId);
    }
}

internal sealed class AreaProjectConfiguration : IEntityTypeConfiguration<AreaProject>
{
    public void Configure(EntityTypeBuilder<AreaProject> b)
    {
        b.Property(p => p.Name).HasMaxLength(500).IsRequired();
        b.Property(p => p.ValueChain).HasMaxLength(500).IsRequired();
        b.Property(p => p.PartnerAgencies).HasMaxLength(1000).IsRequired();
        b.Property(p => p.Budget).HasPrecision(14, 2);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class ParticipationChannelConfiguration : IEntityTypeConfiguration<ParticipationChannel>
{
    public void Configure(EntityTypeBuilder<ParticipationChannel> b)
    {
        b.Property(c => c.Name).HasMaxLength(300).IsRequired();
        b.Property(c => c.Usage).HasMaxLength(1000).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.OrganizationId);
    }
}
