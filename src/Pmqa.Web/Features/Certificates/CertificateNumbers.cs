using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Features.Certificates;

/// <summary>
/// Certificate numbers people can read out and type: <c>PMQA-2570-000123</c>, numbered per fiscal year in
/// order of issue. The unique index on the number guards against two certifications taking the same one at
/// the same moment (the second save fails and the officer certifies again).
/// </summary>
public static class CertificateNumbers
{
    public static string Prefix(int fiscalYear) => $"PMQA-{fiscalYear}-";

    public static async Task<string> NextAsync(PmqaDbContext db, int fiscalYear, CancellationToken ct = default)
    {
        var prefix = Prefix(fiscalYear);
        // Zero-padded to the same length, so the greatest string is the greatest number.
        var last = await db.Certificates.AsNoTracking().Where(c => c.FiscalYear == fiscalYear && c.Number.StartsWith(prefix))
            .MaxAsync(c => (string?)c.Number, ct);
        var next = last is not null && int.TryParse(last[prefix.Length..], out var n) ? n + 1 : 1;
        return prefix + next.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
