using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Audit;

/// <summary>The audit trail read by an OPDC officer: names, Bangkok times, what happened in words, links,
/// filters that survive a second submit under Thai culture, CSV export.</summary>
public abstract class AuditPageTests(PmqaApp app)
{
    private async Task<(AgencyTeam Team, string Item, HttpClient Officer, string OfficerEmail)> EditedAsync()
    {
        var team = await app.AgencyAsync();
        var tree = await (await team.Coordinator.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        var item = tree.GetProperty("categories")[0].GetProperty("issues")[0].GetProperty("levels")[0].GetProperty("items")[0].GetProperty("code").GetString()!;
        var body = new { @checked = new[] { item }, explanations = new Dictionary<string, string> { ["Basic"] = "มีแผนยุทธศาสตร์ที่ทบทวนทุกปี" } };
        var etag = await team.Coordinator.IssueETagAsync(team.AssessmentId, "1.1");
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", body, etag))).StatusCode);
        var opdc = await app.OpdcAsync();
        var officer = await team.Admin.PersonAsync(opdc, "opdcOfficer");
        return (team, item, await app.BrowserAsync(officer.Email, Seed.Password), officer.Email);
    }

    [Fact]
    public async Task An_officer_reads_who_did_what_in_words_on_which_organisation_and_assessment()
    {
        var (team, item, officer, _) = await EditedAsync();
        var page = await officer.GetHtmlAsync($"/audit?organizationId={team.Org.Id}&kind=answers");
        var entry = page.QuerySelectorAll(".audit-entry").First();
        var text = entry.TextContent;
        Assert.Contains($"ผู้ทดสอบ {team.CoordinatorEmail}", text);
        Assert.Contains($"ประเด็น 1.1: ติ๊ก {item}", text);
        Assert.Contains("ประเด็น 1.1: เขียนคำอธิบายระดับ Basic", text);
        Assert.Contains("มีแผนยุทธศาสตร์ที่ทบทวนทุกปี", entry.QuerySelector("details")!.TextContent);
        Assert.Contains(entry.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/organizations/{team.Org.Id}" && a.TextContent.Contains(team.Org.NameTh));
        Assert.Contains(entry.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/assessments/{team.AssessmentId}" && a.TextContent.Contains("พ.ศ. 2570"));
        Assert.Matches(@"\d{1,2} \S+ 25\d\d \d\d:\d\d", entry.QuerySelector("time")!.TextContent); // Bangkok time, Buddhist Era
        Assert.DoesNotContain("IssueAnswer", text);
        Assert.DoesNotContain("CheckedJson", text);

        await officer.PostFormAsync("/account/language", new() { ["language"] = "en", ["returnUrl"] = "/" }, formPage: "/");
        var english = await officer.GetHtmlAsync($"/audit?organizationId={team.Org.Id}&kind=answers");
        Assert.Contains($"issue 1.1: ticked {item}", english.QuerySelector(".audit-entry")!.TextContent);
        Assert.Contains("issue 1.1: wrote the explanation of Basic", english.QuerySelector(".audit-entry")!.TextContent);
    }

    [Fact]
    public async Task The_raw_record_is_one_click_away_for_administrators_only()
    {
        var (team, _, officer, _) = await EditedAsync();
        var forOfficer = await officer.GetHtmlAsync($"/audit?organizationId={team.Org.Id}&kind=answers");
        Assert.DoesNotContain("CheckedJson", forOfficer.Body!.TextContent);
        var admin = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var forAdmin = await admin.GetHtmlAsync($"/audit?organizationId={team.Org.Id}&kind=answers");
        Assert.Contains("CheckedJson", forAdmin.QuerySelector(".audit-entry details:last-of-type")!.TextContent);
    }

    [Fact]
    public async Task Dates_are_written_back_in_iso_gregorian_under_thai_so_filtering_twice_finds_the_same()
    {
        var (team, _, officer, _) = await EditedAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Domain.Time.ThaiTime.Bangkok).DateTime);
        var first = await officer.GetHtmlAsync($"/audit?organizationId={team.Org.Id}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var found = first.QuerySelectorAll(".audit-entry").Length;
        Assert.NotEqual(0, found);
        var from = first.QuerySelector("input#from")!.GetAttribute("value");
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), from);

        // Submit the form again as the browser would, with the values it now holds.
        var form = first.QuerySelector("form[role=search]")!;
        var fields = form.QuerySelectorAll("input[name], select[name]")
            .Select(e => (Name: e.GetAttribute("name")!, Value: (e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value : e.GetAttribute("value")) ?? ""));
        var second = await officer.GetHtmlAsync("/audit?" + string.Join("&", fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}")));
        Assert.Equal(found, second.QuerySelectorAll(".audit-entry").Length);
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_bom_and_neutralises_formulas()
    {
        var (team, _, officer, _) = await EditedAsync();
        var renamed = await team.Admin.PutAsJsonAsync($"/api/v1/organizations/{team.Org.Id}",
            new { version = 0, nameTh = "=HYPERLINK(\"http://evil\")", nameEn = "=cmd|' /C calc'!A0" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var response = await officer.GetAsync($"/audit?organizationId={team.Org.Id}&handler=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains($"ติ๊ก", csv);
        Assert.Contains("\"'=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=", csv);
    }

    [Fact]
    public async Task The_api_filters_the_same_way_and_answers_officers_but_not_agencies()
    {
        var (team, item, _, officerEmail) = await EditedAsync();
        var officer = await app.ApiAsync(officerEmail, Seed.Password);
        var page = await (await officer.GetAsync($"/api/v1/audit?organizationId={team.Org.Id}&kind=answers")).JsonAsync();
        var entry = page.GetProperty("items")[0];
        Assert.Equal(team.AssessmentId, entry.GetProperty("assessmentId").GetGuid());
        Assert.Contains(entry.GetProperty("summary").EnumerateArray(), s => s.GetProperty("en").GetString() == $"issue 1.1: ticked {item}");
        var other = await (await officer.GetAsync($"/api/v1/audit?organizationId={Guid.NewGuid()}")).JsonAsync();
        Assert.Equal(0, other.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.GetAsync("/api/v1/audit")).StatusCode);
    }
}

public sealed class AuditPageTests_Sqlite(SqliteApp app) : AuditPageTests(app), IClassFixture<SqliteApp>;
public sealed class AuditPageTests_Postgres(PostgresApp app) : AuditPageTests(app), IClassFixture<PostgresApp>;
