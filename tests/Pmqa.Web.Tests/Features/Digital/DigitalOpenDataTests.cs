using System.Net;
using System.Text;
using System.Text.Json;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The aggregated digital progress in the product's open data (ADR 0028): anonymous, in the DCAT catalogue,
/// the same figures as OPDC's national view, and a service marked internal never counted nor named.</summary>
public abstract class DigitalOpenDataTests(PmqaApp app)
{
    private static int ThisYear => ThaiTime.ToBangkok(DateTimeOffset.UtcNow).Year + ThaiTime.BuddhistEraOffset;

    [Fact]
    public async Task The_ministrys_figures_equal_the_national_view_and_an_internal_service_never_appears()
    {
        var (ministry, a, _) = await DigitalProgressApiTests.MinistryAsync(app);
        var officer = await app.ApiAsync((await (await app.AdminApiAsync()).PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        var national = (await (await officer.GetAsync($"/api/v1/digital-progress?ministry={ministry.Code}")).JsonAsync()).GetProperty("totals");
        var secret = $"บริการภายในเฉพาะหน่วยงาน-{Guid.NewGuid():N}";
        await app.WithDbAsync(db =>
        {
            db.DigitalServices.Add(new DigitalService
            {
                OrganizationId = a.Id, Name = secret, Audience = Audience.Government, Channel = ServiceChannel.CitizenPortal, FullyDigital = true,
                DigitisedYear = ThisYear, TargetYear = ThisYear, ResponsibleUnit = "กองกลาง", Internal = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });

        var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync("/api/v1/open-data/digital-progress.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("บริการที่ 1", text); // no service lists at all
        Assert.DoesNotContain(a.Code, text); // nor one organisation's line
        var row = JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("scope").GetString() == "ministry" && r.GetProperty("key").GetString() == ministry.Code && r.GetProperty("year").GetInt32() == ThisYear);
        foreach (var field in new[] { "services", "fullyDigital", "fullyDigitalPercent", "onCentralPlatform", "onCentralPlatformPercent" })
            Assert.Equal(national.GetProperty(field).GetInt32(), row.GetProperty(field).GetInt32()); // the internal service counted nowhere
        Assert.Equal(2, row.GetProperty("organizations").GetInt32());

        var csv = await (await anonymous.GetAsync("/api/v1/open-data/digital-progress.csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ระดับ (scope)", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"ministry,{ministry.Code},") && l.Contains($",{ThisYear},2,{national.GetProperty("services").GetInt32()},"));
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public async Task The_dataset_is_in_the_DCAT_catalogue_with_its_CSV_and_JSON()
    {
        await DigitalProgressApiTests.MinistryAsync(app);
        var catalog = await (await app.Anonymous().GetAsync("/api/v1/open-data/catalog.jsonld")).JsonAsync();
        var dataset = catalog.GetProperty("dcat:dataset").EnumerateArray().Single(d => d.GetProperty("dct:identifier").GetString() == "pmqa-digital-progress");
        Assert.Contains("2570", dataset.GetProperty("dct:title")[0].GetProperty("@value").GetString());
        var downloads = dataset.GetProperty("dcat:distribution").EnumerateArray().Select(d => d.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!).ToList();
        Assert.Contains(downloads, u => u.EndsWith("/api/v1/open-data/digital-progress.csv"));
        Assert.Contains(downloads, u => u.EndsWith("/api/v1/open-data/digital-progress.json"));
    }
}

public sealed class DigitalOpenDataTests_Sqlite(SqliteApp app) : DigitalOpenDataTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalOpenDataTests_Postgres(PostgresApp app) : DigitalOpenDataTests(app), IClassFixture<PostgresApp>;
