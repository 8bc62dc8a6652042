using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Features.Certificates;

/// <summary>
/// Certificate numbers people can read out and type: <c>PMQA-2570-000123</c>, numbered per fiscal year in
/// order of issue. A number comes from the year's counter row, raised by one atomic upsert: call
/// <see cref="NextAsync"/> inside the transaction that saves the certificate, so that a second certification
/// at the same moment waits for the first to commit (PostgreSQL locks the row; SQLite has one writer) and a
/// certification that fails gives its number back. The unique index on the number stays as the last guard.
/// </summary>
public static class CertificateNumbers
{
    public static string Prefix(int fiscalYear) => $"PMQA-{fiscalYear}-";

    public static async Task<string> NextAsync(PmqaDbContext db, int fiscalYear, CancellationToken ct = default)
    {
        // The year's first number follows any certificate already numbered without the counter (before migration 0011).
        var prefix = Prefix(fiscalYear);
        var last = await db.Certificates.AsNoTracking().Where(c => c.FiscalYear == fiscalYear && c.Number.StartsWith(prefix))
            .MaxAsync(c => (string?)c.Number, ct);
        var first = last is not null && int.TryParse(last[prefix.Length..], out var n) ? n + 1 : 1;
        // Same SQL on SQLite (3.35+) and PostgreSQL; not composed further, so RETURNING stays at the top level.
        var next = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CertificateCounters" ("FiscalYear", "LastNumber") VALUES ({fiscalYear}, {first})
            ON CONFLICT ("FiscalYear") DO UPDATE SET "LastNumber" = "CertificateCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct)).Single();
        return prefix + next.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
