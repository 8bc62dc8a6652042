using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Configurations;

internal sealed class PublishedResultConfiguration : IEntityTypeConfiguration<PublishedResult>
{
    public void Configure(EntityTypeBuilder<PublishedResult> b)
    {
        b.Property(p => p.Note).HasMaxLength(2000).IsRequired();
        b.Property(p => p.PublishedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.OrganizationCode).HasMaxLength(64).IsRequired();
        b.Property(p => p.NameTh).HasMaxLength(300).IsRequired();
        b.Property(p => p.NameEn).HasMaxLength(300).IsRequired();
        b.Property(p => p.OrganizationType).HasMaxLength(32).IsRequired();
        b.Property(p => p.GroupCode).HasMaxLength(64).IsRequired();
        b.Property(p => p.GroupNameTh).HasMaxLength(300).IsRequired();
        b.Property(p => p.GroupNameEn).HasMaxLength(300).IsRequired();
        b.Property(p => p.VerifiedTotal).HasPrecision(7, 2);
        b.Property(p => p.CategoriesJson).HasMaxLength(2000).IsRequired();
        b.Property(p => p.StatusBand).HasMaxLength(32).IsRequired();
        b.Property(p => p.SiteVisitOutcome).HasMaxLength(16).IsRequired();
        b.Property(p => p.CertificateNumber).HasMaxLength(64).IsRequired();
        b.HasIndex(p => new { p.RoundId, p.OrganizationId, p.VersionNumber }).IsUnique();
        b.HasIndex(p => new { p.FiscalYear, p.IsCurrent });
    }
}

internal sealed class ResultWithholdingConfiguration : IEntityTypeConfiguration<ResultWithholding>
{
    public void Configure(EntityTypeBuilder<ResultWithholding> b)
    {
        b.Property(w => w.Reason).HasMaxLength(2000).IsRequired();
        b.Property(w => w.WithheldBy).HasMaxLength(256).IsRequired();
        b.HasIndex(w => new { w.RoundId, w.OrganizationId }).IsUnique();
    }
}

internal sealed class PromotionEventConfiguration : IEntityTypeConfiguration<PromotionEvent>
{
    public void Configure(EntityTypeBuilder<PromotionEvent> b)
    {
        b.Property(e => e.TitleTh).HasMaxLength(300).IsRequired();
        b.Property(e => e.TitleEn).HasMaxLength(300).IsRequired();
        b.Property(e => e.Description).HasMaxLength(4000).IsRequired();
        b.Property(e => e.Kind).HasMaxLength(32).IsRequired();
        b.Property(e => e.Audience).HasMaxLength(32).IsRequired();
        b.Property(e => e.Place).HasMaxLength(500).IsRequired();
        b.Property(e => e.OnlineUrl).HasMaxLength(500).IsRequired();
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.StartsAt);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.Property(r => r.Name).HasMaxLength(256).IsRequired();
        b.Property(r => r.Email).HasMaxLength(256).IsRequired();
        b.Property(r => r.Position).HasMaxLength(300).IsRequired();
        b.Property(r => r.Status).HasMaxLength(16).IsRequired();
        b.HasOne<PromotionEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.EventId, r.RegisteredAt });
        b.HasIndex(r => r.OrganizationId);
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(t => t.OrganizationId).IsUnique();
        b.HasIndex(t => t.TokenHash).IsUnique();
    }
}

internal sealed class CalendarReminderConfiguration : IEntityTypeConfiguration<CalendarReminder>
{
    public void Configure(EntityTypeBuilder<CalendarReminder> b)
    {
        b.Property(r => r.Key).HasMaxLength(200).IsRequired();
        b.HasIndex(r => r.Key).IsUnique();
    }
}

internal sealed class OpenDataFileConfiguration : IEntityTypeConfiguration<OpenDataFile>
{
    public void Configure(EntityTypeBuilder<OpenDataFile> b)
    {
        b.HasKey(f => f.Name);
        b.Property(f => f.Name).HasMaxLength(64);
        b.Property(f => f.SourceKey).IsRequired();
        b.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
    }
}

internal sealed class OpenDataRevisionConfiguration : IEntityTypeConfiguration<OpenDataRevision>
{
    public void Configure(EntityTypeBuilder<OpenDataRevision> b)
    {
        b.HasKey(r => r.FiscalYear);
        b.Property(r => r.FiscalYear).ValueGeneratedNever();
    }
}
