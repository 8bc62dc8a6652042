using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Certificates;

public enum CertificateValidity { Valid, Expired, Revoked }

/// <summary>A certificate as the PDF shows it. <see cref="VerifyUrl"/> is the public page the QR code opens.</summary>
public sealed record CertificateView(
    Guid Id, string Number, string OrganizationCode, string NameTh, string NameEn, int FiscalYear, MaturityLevel Status, decimal FinalScore,
    DateTimeOffset IssuedAt, DateTimeOffset ValidUntil, DateTimeOffset? RevokedAt, CertificateValidity Validity, string VerifyUrl,
    string SignatoryName, string SignatoryPosition);

/// <summary>What anyone may read about a certificate: no scores, no people.</summary>
public sealed record PublicCertificate(
    Guid Id, string Number, string OrganizationNameTh, string OrganizationNameEn, int FiscalYear, string Status,
    DateTimeOffset IssuedAt, DateTimeOffset ValidUntil, DateTimeOffset? RevokedAt, string Validity);

/// <summary>Reads certificates. Who may read a full one is decided by the <see cref="CertificateSetup.ReaderPolicy"/>
/// policy before these run.</summary>
public sealed class CertificateQueries(PmqaDbContext db, TimeProvider clock, PublicUrl publicUrl)
{
    public async Task<CertificateView?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Certificates.AsNoTracking().Include(x => x.Organization).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        return new CertificateView(c.Id, c.Number, c.Organization!.Code, c.Organization.NameTh, c.Organization.NameEn, c.FiscalYear,
            Level(c.Status), c.FinalScore, c.IssuedAt, c.ValidUntil, c.RevokedAt, ValidityOf(c.ValidUntil, c.RevokedAt), VerifyUrl(c.Id),
            c.SignatoryName, c.SignatoryPosition);
    }

    public async Task<PublicCertificate?> FindPublicAsync(Guid id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } c
            ? new PublicCertificate(c.Id, c.Number, c.NameTh, c.NameEn, c.FiscalYear, c.Status.ToString(), c.IssuedAt, c.ValidUntil, c.RevokedAt,
                JsonName(c.Validity))
            : null;

    public string VerifyUrl(Guid id) => publicUrl.To($"/verify/{id}");

    private CertificateValidity ValidityOf(DateTimeOffset validUntil, DateTimeOffset? revokedAt) =>
        revokedAt is not null ? CertificateValidity.Revoked
        : validUntil < clock.GetUtcNow() ? CertificateValidity.Expired
        : CertificateValidity.Valid;

    private static MaturityLevel Level(string status) => Enum.TryParse<MaturityLevel>(status, true, out var level) ? level : MaturityLevel.None;

    private static string JsonName(CertificateValidity validity) => validity.ToString().ToLowerInvariant();

    public static (string Th, string En) DisplayName(CertificateValidity validity) => validity switch
    {
        CertificateValidity.Valid => ("ใช้ได้", "Valid"),
        CertificateValidity.Expired => ("หมดอายุแล้ว", "Expired"),
        _ => ("ถูกเพิกถอนแล้ว", "Revoked"),
    };
}
