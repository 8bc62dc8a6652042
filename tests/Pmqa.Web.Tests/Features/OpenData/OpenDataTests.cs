using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.OpenData;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Infrastructure.CertificationSeed;

namespace Pmqa.Web.Tests.Features.OpenData;

public abstract class OpenDataTests(PmqaApp app)
{
    /// <summary>A round of its own: one certified agency, one verified, one still under review.</summary>
    private sealed record Scenario(int FiscalYear, Guid RoundId, Seed.Org Certified, Seed.Org Verified, Seed.Org UnderReview, Guid VerifiedAssessment);

    private async Task<Scenario> ScenarioAsync()
    {
        var admin = await app.AdminApiAsync();
        var orgs = new List<Seed.Org>();
        for (var i = 0; i < 3; i++) orgs.Add(await admin.OrganizationAsync());
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var round = await admin.OpenRoundAsync(fiscalYear: fiscalYear);
        var assessments = new List<Guid>();
        foreach (var org in orgs)
        {
            var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
            assessments.Add(list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid());
        }
        await app.CertifyAsync(assessments[0], "Advance", 456.78m);
        await app.ScoreAsync(assessments[1], AssessmentState.Verified, ScoreJson(380.5m, "Basic", 50, 60, 70, 80, 90, 100, 110));
        await app.ScoreAsync(assessments[2], AssessmentState.UnderReview, ScoreJson(499, "Significance", 70));
        return new Scenario(fiscalYear, round, orgs[0], orgs[1], orgs[2], assessments[1]);
    }

    private async Task<string> TextAsync(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Everything anonymous that could show a result: both files of the year and of all years, the catalogue and the page.</summary>
    private async Task<string> EverythingPublicAsync(int fiscalYear) => string.Join("\n",
        await TextAsync($"/api/v1/open-data/results/{fiscalYear}.csv"), await TextAsync($"/api/v1/open-data/results/{fiscalYear}.json"),
        await TextAsync("/api/v1/open-data/results.csv?allVersions=true"), await TextAsync("/api/v1/open-data/results.json?allVersions=true"),
        await TextAsync("/api/v1/open-data/catalog.jsonld"), await TextAsync($"/open-data?year={fiscalYear}"), await TextAsync("/open-data"));

    [Fact]
    public async Task Only_published_verified_results_appear_and_an_unpublished_or_withheld_one_never_does()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();

        var before = await EverythingPublicAsync(s.FiscalYear);
        Assert.DoesNotContain(s.Certified.Code, before); // verified and certified, but not published yet

        var published = await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(2, (await published.JsonAsync()).GetProperty("published").GetInt32());
        var after = await EverythingPublicAsync(s.FiscalYear);
        Assert.Contains(s.Certified.Code, after);
        Assert.Contains(s.Verified.Code, after);
        Assert.DoesNotContain(s.UnderReview.Code, after); // not verified: never published

        var withheld = await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/withheld", new { organizationId = s.Verified.Id, reason = "อยู่ระหว่างทบทวนผล" });
        Assert.Equal(HttpStatusCode.OK, withheld.StatusCode);
        var afterWithholding = await EverythingPublicAsync(s.FiscalYear);
        Assert.Contains(s.Certified.Code, afterWithholding);
        Assert.DoesNotContain(s.Verified.Code, afterWithholding);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ResultWithholding" && a.ChangesJson.Contains("อยู่ระหว่างทบทวนผล"))),
            "the withholding and its reason are in the audit trail");
        // Publishing again does not bring the withheld result back.
        await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        Assert.DoesNotContain(s.Verified.Code, await EverythingPublicAsync(s.FiscalYear));
    }

    [Fact]
    public async Task Closing_verification_publishes_the_verified_results_by_itself_withheld_stay_out_and_none_twice()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/withheld", new { organizationId = s.Verified.Id, reason = "รอผลอุทธรณ์" });
        await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { }); // the certified one published by hand before closing

        var closed = await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/close-verification", new { });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var publication = (await closed.JsonAsync()).GetProperty("publication");
        Assert.Equal(0, publication.GetProperty("published").GetInt32());
        Assert.Equal(1, publication.GetProperty("unchanged").GetInt32()); // not published a second time
        Assert.Equal(1, publication.GetProperty("withheld").GetInt32());
        var open = await EverythingPublicAsync(s.FiscalYear);
        Assert.Contains(s.Certified.Code, open);
        Assert.DoesNotContain(s.Verified.Code, open);
        Assert.DoesNotContain(s.UnderReview.Code, open);
        Assert.Equal(1, await app.WithDbAsync(db => db.PublishedResults.CountAsync(p => p.RoundId == s.RoundId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Round" && a.ChangesJson.Contains("VerificationClosedAt"))),
            "closing is in the audit trail");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/close-verification", new { })).StatusCode);
    }

    [Fact]
    public async Task Closing_verification_without_any_publication_before_publishes_every_verified_result()
    {
        var s = await ScenarioAsync();
        var closed = await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/close-verification", new { });
        Assert.Equal(2, (await closed.JsonAsync()).GetProperty("publication").GetProperty("published").GetInt32());
        var open = await EverythingPublicAsync(s.FiscalYear);
        Assert.Contains(s.Certified.Code, open);
        Assert.Contains(s.Verified.Code, open);
        Assert.DoesNotContain(s.UnderReview.Code, open);
    }

    [Fact]
    public async Task The_files_hold_the_dictionarys_fields_and_nothing_else_with_the_licence_and_the_year_in_the_name()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var client = app.Anonymous();

        var csv = await client.GetAsync($"/api/v1/open-data/results/{s.FiscalYear}.csv");
        Assert.Equal($"pmqa-results-{s.FiscalYear}.csv", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // UTF-8 with BOM, for Excel
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ปีงบประมาณ (fiscalYear),รหัสหน่วยงาน (organizationCode)", lines[0]);
        Assert.Equal(3, lines.Length); // header and two published results
        var certifiedLine = lines.Single(l => l.Contains(s.Certified.Code));
        Assert.Contains("456.78", certifiedLine);
        Assert.Contains("/verify/", certifiedLine);
        Assert.EndsWith(DataDictionary.LicenceUrl, certifiedLine);

        var json = await (await client.GetAsync($"/api/v1/open-data/results/{s.FiscalYear}.json")).JsonAsync();
        Assert.Equal(DataDictionary.LicenceUrl, json.GetProperty("license").GetString());
        var row = json.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("organizationCode").GetString() == s.Verified.Code);
        Assert.Equal(DataDictionary.Fields.Select(f => f.Name), row.EnumerateObject().Select(p => p.Name)); // exactly the dictionary's fields
        Assert.Equal(380.5m, row.GetProperty("verifiedTotal").GetDecimal());
        Assert.Equal(110m, row.GetProperty("category7").GetDecimal());
        Assert.False(row.GetProperty("certified").GetBoolean());

        var dictionary = await (await client.GetAsync("/api/v1/open-data/dictionary")).JsonAsync();
        var band = dictionary.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "statusBand");
        Assert.Equal("ระดับสถานะ", band.GetProperty("nameTh").GetString());
        Assert.Contains("Advance", band.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_conditional_get_answers_304_and_any_web_page_may_read_the_files()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var client = app.Anonymous();
        var url = $"/api/v1/open-data/results/{s.FiscalYear}.json";

        var first = await client.GetAsync(url);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        var since = new HttpRequestMessage(HttpMethod.Get, url);
        since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(since)).StatusCode);

        // A withholding changes the file: the old ETag no longer matches.
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/withheld", new { organizationId = s.Certified.Id, reason = "ทบทวน" });
        var changed = new HttpRequestMessage(HttpMethod.Get, url);
        changed.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(changed)).StatusCode);
    }

    /// <summary>Issue 13: the CSV streams (ADR 0033), so its ETag comes from what it shows, before a row is read.</summary>
    [Fact]
    public async Task The_streamed_all_years_CSV_answers_a_conditional_GET_with_304_and_a_withholding_changes_its_ETag()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var client = app.Anonymous();
        const string url = "/api/v1/open-data/results.csv";

        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains(s.Certified.Code, Encoding.UTF8.GetString(await first.Content.ReadAsByteArrayAsync()));
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/withheld", new { organizationId = s.Certified.Id, reason = "ทบทวน" });
        var changed = new HttpRequestMessage(HttpMethod.Get, url);
        changed.Headers.IfNoneMatch.Add(etag);
        var after = await client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(s.Certified.Code, Encoding.UTF8.GetString(await after.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_correction_after_publication_is_a_new_version_with_a_note_and_the_old_one_stays_downloadable()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        await app.ScoreAsync(s.VerifiedAssessment, AssessmentState.Verified, ScoreJson(391.25m, "Basic", 50, 60, 70, 80, 90, 100, 110));

        var withoutNote = await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.True((await withoutNote.JsonAsync()).GetProperty("errors").TryGetProperty("note", out _));
        var corrected = await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { note = "แก้คะแนนหมวด 1 ตามคำอุทธรณ์" });
        Assert.Equal(1, (await corrected.JsonAsync()).GetProperty("corrected").GetInt32());

        var current = await TextAsync($"/api/v1/open-data/results/{s.FiscalYear}.csv");
        var line = current.Split("\r\n").Single(l => l.Contains(s.Verified.Code));
        Assert.Contains("391.25", line);
        Assert.Contains("แก้คะแนนหมวด 1 ตามคำอุทธรณ์", line);
        var all = await TextAsync($"/api/v1/open-data/results/{s.FiscalYear}.csv?allVersions=true");
        Assert.Contains("380.50", all); // the first version stays downloadable
        Assert.Contains("391.25", all);
    }

    [Fact]
    public async Task The_catalogue_has_the_fields_a_DCAT_harvester_reads_and_its_download_links_work()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var client = app.Anonymous();

        var response = await client.GetAsync("/api/v1/open-data/catalog.jsonld");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var catalog = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("http://www.w3.org/ns/dcat#", catalog.GetProperty("@context").GetProperty("dcat").GetString());
        Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
        var dataset = catalog.GetProperty("dcat:dataset").EnumerateArray()
            .Single(d => d.GetProperty("dct:identifier").GetString() == $"pmqa-results-{s.FiscalYear}");
        Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
        var titles = dataset.GetProperty("dct:title").EnumerateArray().ToDictionary(t => t.GetProperty("@language").GetString()!, t => t.GetProperty("@value").GetString()!);
        Assert.Contains($"{s.FiscalYear}", titles["th"]);
        Assert.Contains("Verified PMQA 4.0 results", titles["en"]);
        foreach (var field in new[] { "dct:description", "dcat:keyword", "dct:publisher", "dcat:contactPoint", "dct:license", "dct:accrualPeriodicity",
                     "dct:temporal", "dct:spatial", "dct:issued", "dct:modified", "dcat:landingPage" })
            Assert.True(dataset.TryGetProperty(field, out _), $"the dataset has no {field}");
        Assert.Equal("mailto:pmqa@opdc.go.th", dataset.GetProperty("dcat:contactPoint").GetProperty("vcard:hasEmail").GetProperty("@id").GetString()); // the default
        Assert.Equal("http://purl.org/cld/freq/annual", dataset.GetProperty("dct:accrualPeriodicity").GetProperty("@id").GetString());
        var fiscalStart = new DateOnly(s.FiscalYear - 544, 10, 1).ToString("yyyy-MM-dd");
        Assert.Equal(fiscalStart, dataset.GetProperty("dct:temporal").GetProperty("dcat:startDate").GetProperty("@value").GetString());

        var distributions = dataset.GetProperty("dcat:distribution").EnumerateArray().ToList();
        Assert.Equal(["text/csv", "application/json"], distributions.Select(d => d.GetProperty("dcat:mediaType").GetString()));
        foreach (var distribution in distributions)
        {
            Assert.Equal("dcat:Distribution", distribution.GetProperty("@type").GetString());
            Assert.Equal(DataDictionary.LicenceUrl, distribution.GetProperty("dct:license").GetProperty("@id").GetString());
            var download = new Uri(distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(download.PathAndQuery)).StatusCode);
        }
    }

    [Fact]
    public async Task The_public_page_searches_filters_and_links_to_the_certificate_and_the_history()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var client = app.Anonymous();

        var certifiedOnly = await client.GetHtmlAsync($"/open-data?year={s.FiscalYear}&certified=yes");
        var rows = certifiedOnly.QuerySelectorAll("#results tbody tr");
        Assert.Single(rows);
        Assert.Contains(s.Certified.Code, rows[0].TextContent);
        Assert.StartsWith("/verify/", rows[0].QuerySelector("a[href^='/verify/']")!.GetAttribute("href"));

        var byName = await client.GetHtmlAsync($"/open-data?q={Uri.EscapeDataString(s.Verified.NameTh)}");
        Assert.Single(byName.QuerySelectorAll("#results tbody tr"));

        var history = await client.GetHtmlAsync($"/open-data/organizations/{s.Verified.Code}");
        Assert.Contains("380.50", history.QuerySelector("#history")!.TextContent);
        var unpublished = await client.GetHtmlAsync($"/open-data/organizations/{s.UnderReview.Code}");
        Assert.NotNull(unpublished.QuerySelector("#nothing-published"));
        Assert.DoesNotContain("499", unpublished.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_officer_publishes_from_the_rounds_page_and_a_withholding_without_reason_is_refused_at_the_field()
    {
        var s = await ScenarioAsync();
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = $"/rounds/{s.RoundId}/publication";

        var published = await officer.PostFormAsync($"{page}?handler=Publish", new() { ["Note"] = "" }, page);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains(s.Certified.Code, await TextAsync($"/open-data?year={s.FiscalYear}"));

        var refused = await (await officer.PostFormAsync($"{page}?handler=Withhold", new() { ["OrganizationId"] = s.Verified.Id.ToString(), ["Reason"] = "" }, page)).HtmlAsync();
        Assert.False(string.IsNullOrWhiteSpace(refused.QuerySelector("#Reason-error")!.TextContent));
        Assert.Contains(s.Verified.Code, await TextAsync($"/open-data?year={s.FiscalYear}"));
    }

    [Fact]
    public async Task Only_OPDC_publishes_and_withholding_names_the_missing_fields()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        var coordinator = await app.ApiAsync((await admin.PersonAsync(s.Certified, "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { })).StatusCode);

        var bad = await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/withheld", new { organizationId = Guid.NewGuid(), reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("organizationId", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
    }
}

public sealed class OpenDataTests_Sqlite(SqliteApp app) : OpenDataTests(app), IClassFixture<SqliteApp>;
public sealed class OpenDataTests_Postgres(PostgresApp app) : OpenDataTests(app), IClassFixture<PostgresApp>;

/// <summary>The catalogue's contact is <c>OpenData:ContactEmail</c>, not the application's mail sender.</summary>
public sealed class ContactEmailApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["OpenData:ContactEmail"] = "opendata@opdc.go.th",
        ["Smtp:From"] = "no-reply@opdc.go.th",
    };
}

public sealed class DcatContactTests(ContactEmailApp app) : IClassFixture<ContactEmailApp>
{
    [Fact]
    public async Task The_catalogue_names_the_configured_open_data_contact_not_the_mail_sender()
    {
        var catalog = await (await app.Anonymous().GetAsync("/api/v1/open-data/catalog.jsonld")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mailto:opendata@opdc.go.th", catalog.GetProperty("dct:publisher").GetProperty("foaf:mbox").GetProperty("@id").GetString());
        Assert.DoesNotContain("no-reply@opdc.go.th", catalog.GetRawText());
    }
}
