using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Rounds;

/// <summary>Rounds an officer can correct: one round per fiscal year and audience, dates that belong to the
/// fiscal year, editing, and cancelling a round that has not opened.</summary>
public abstract class RoundEditingTests(PmqaApp app)
{
    /// <summary>Bangkok local time of a fiscal year (BE): month 10–12 fall in the CE year before.</summary>
    private static DateTimeOffset In(int fiscalYear, int month, int day, int hour = 9) =>
        new(fiscalYear - ThaiTime.BuddhistEraOffset - (month >= 10 ? 1 : 0), month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private static object Round(int fiscalYear, string audience, object? extra = null) => new
    {
        fiscalYear, frameworkCode = "pmqa-4.0", audiences = new[] { audience },
        opensAt = In(fiscalYear, 10, 1), submissionDeadline = In(fiscalYear, 3, 31, 16),
        siteVisitFrom = In(fiscalYear, 6, 1), siteVisitTo = In(fiscalYear, 8, 31),
    };

    [Fact]
    public async Task A_second_round_for_the_same_fiscal_year_and_audience_is_refused_at_the_fiscal_year()
    {
        var admin = await app.AdminApiAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/rounds", Round(2575, "publicOrganization"))).StatusCode);
        var second = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear = 2575, frameworkCode = "pmqa-4.0", audiences = new[] { "department", "publicOrganization" },
            opensAt = In(2575, 10, 2), submissionDeadline = In(2575, 4, 30),
        });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("publicOrganization", (await second.JsonAsync()).GetProperty("errors").GetProperty("fiscalYear")[0].GetString());

        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = await (await officer.PostFormAsync("/rounds/create", new()
        {
            ["Input.FiscalYear"] = "2575", ["Input.FrameworkCode"] = "pmqa-4.0", ["Input.Audiences"] = "publicOrganization",
            ["Input.OpensAt"] = "2/10/2574 09:00", ["Input.SubmissionDeadline"] = "31/3/2575 16:30",
        })).HtmlAsync();
        Assert.Contains("มีรอบการประเมินปีงบประมาณ 2575", page.QuerySelector("#Input_FiscalYear-error")!.TextContent);
        Assert.Equal("31/3/2575 16:30", page.QuerySelector("#Input_SubmissionDeadline")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Dates_far_from_the_fiscal_year_and_site_visits_outside_it_are_refused_at_their_fields()
    {
        var admin = await app.AdminApiAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear = 2576, frameworkCode = "pmqa-4.0", audiences = new[] { "province" },
            opensAt = In(2576, 10, 1), submissionDeadline = new DateTimeOffset(3113, 10, 1, 9, 0, 0, TimeSpan.FromHours(7)),
            siteVisitFrom = In(2577, 11, 1), siteVisitTo = In(2576, 8, 31),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("ปีงบประมาณ 2576", errors.GetProperty("submissionDeadline")[0].GetString());
        Assert.True(errors.TryGetProperty("siteVisitFrom", out _));
        Assert.False(errors.TryGetProperty("opensAt", out _));

        // On the page a Thai officer types Buddhist Era years; 2570 never becomes 3113.
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var created = await officer.PostFormAsync("/rounds/create", new()
        {
            ["Input.FiscalYear"] = "2576", ["Input.FrameworkCode"] = "pmqa-4.0", ["Input.Audiences"] = "province",
            ["Input.OpensAt"] = "1/10/2575 09:00", ["Input.SubmissionDeadline"] = "๓๑/๓/๒๕๗๖ 16:30",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var round = await app.WithDbAsync(db => db.Rounds.SingleAsync(r => r.FiscalYear == 2576));
        Assert.Equal(new DateTime(2032, 10, 1, 9, 0, 0), ThaiTime.ToBangkok(round.OpensAt));
        Assert.Equal(new DateTime(2033, 3, 31, 16, 30, 0), ThaiTime.ToBangkok(round.SubmissionDeadline));
    }

    [Fact]
    public async Task An_officer_edits_a_round_and_the_agencies_hear_of_a_new_deadline()
    {
        var team = await app.AgencyAsync();
        var admin = team.Admin;
        var version = await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == team.RoundId).Select(r => r.Version).SingleAsync());
        var later = DateTimeOffset.UtcNow.AddDays(45);
        var edited = await admin.PutAsJsonAsync($"/api/v1/rounds/{team.RoundId}", new
        {
            version, submissionDeadline = later, siteVisitThreshold = 360, signatoryName = "นายปกรณ์ วงศ์ดี", signatoryPosition = "เลขาธิการ ก.พ.ร.",
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var round = await app.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Id == team.RoundId));
        Assert.Equal((360m, "นายปกรณ์ วงศ์ดี"), (round.SiteVisitThreshold, round.SignatoryName));
        Assert.Equal(later.ToUnixTimeSeconds(), round.SubmissionDeadline.ToUnixTimeSeconds());
        var inbox = await (await team.Coordinator.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Contains("กำหนดส่ง", inbox.ToString());

        var stale = await admin.PutAsJsonAsync($"/api/v1/rounds/{team.RoundId}", new { version, submissionDeadline = later.AddDays(1) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var opening = await admin.PutAsJsonAsync($"/api/v1/rounds/{team.RoundId}", new { opensAt = DateTimeOffset.UtcNow.AddDays(-3), submissionDeadline = later });
        Assert.True((await opening.JsonAsync()).GetProperty("errors").TryGetProperty("opensAt", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/rounds/{team.RoundId}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_round_that_has_not_opened_is_cancelled_and_the_audit_trail_keeps_it()
    {
        var admin = await app.AdminApiAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", Round(2577, "department"));
        var round = await Seed.IdOf(created);
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var cancelled = await officer.PostFormAsync($"/rounds/{round}/edit?handler=Cancel", [], $"/rounds/{round}/edit");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/rounds/{round}")).StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Round" && e.EntityKey == round.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Contains(Pmqa.Data.Entities.AuditAction.Deleted, audited);
        // The year and audience are free again.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/rounds", Round(2577, "department"))).StatusCode);
    }

    [Fact]
    public async Task An_extension_is_typed_with_a_BE_year_on_the_round_page_and_a_text_that_is_no_date_is_refused_at_the_field()
    {
        var team = await app.AgencyAsync(deadline: DateTimeOffset.UtcNow.AddDays(2));
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = $"/rounds/{team.RoundId}";
        Assert.Equal("text", (await officer.GetHtmlAsync(page)).QuerySelector("#Extension_Until")!.GetAttribute("type"));

        var refused = await (await officer.PostFormAsync($"{page}?handler=Extend", new()
        {
            ["Extension.OrganizationId"] = team.Org.Id.ToString(), ["Extension.Until"] = "31 มีนา", ["Extension.Reason"] = "ไฟฟ้าดับทั้งอาคาร",
        }, formPage: page)).HtmlAsync();
        Assert.Contains("วัน/เดือน/ปี พ.ศ.", refused.QuerySelector("#Extension_Until-error")!.TextContent);
        Assert.Equal("ไฟฟ้าดับทั้งอาคาร", refused.QuerySelector("#Extension_Reason")!.GetAttribute("value"));

        var until = DateTime.UtcNow.AddHours(7).AddDays(10);
        var granted = await officer.PostFormAsync($"{page}?handler=Extend", new()
        {
            ["Extension.OrganizationId"] = team.Org.Id.ToString(), ["Extension.Until"] = $"{until.Day}/{until.Month}/{until.Year + 543} 16:30",
            ["Extension.Reason"] = "ไฟฟ้าดับทั้งอาคาร",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var stored = await app.WithDbAsync(db => db.RoundExtensions.Where(e => e.OrganizationId == team.Org.Id).Select(e => e.Until).SingleAsync());
        Assert.Equal(new DateTimeOffset(until.Year, until.Month, until.Day, 9, 30, 0, TimeSpan.Zero), stored.ToUniversalTime());
    }
}

public sealed class RoundEditingTests_Sqlite(SqliteApp app) : RoundEditingTests(app), IClassFixture<SqliteApp>;
public sealed class RoundEditingTests_Postgres(PostgresApp app) : RoundEditingTests(app), IClassFixture<PostgresApp>;
