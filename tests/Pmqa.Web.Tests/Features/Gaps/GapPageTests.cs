using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Gaps;

/// <summary>The gaps and path pages as a person uses them: a stale save shows both versions and keeps what was typed,
/// only editors get save buttons, and the what-if handler scores without saving.</summary>
public abstract class GapPageTests(PmqaApp app)
{
    [Fact]
    public async Task A_stale_save_on_the_gaps_page_shows_the_saved_values_and_keeps_the_typed_ones()
    {
        var team = await app.AgencyAsync();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{team.AssessmentId}/gaps/1.1") { Content = JsonContent.Create(new { impact = 4 }) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(put)).StatusCode);

        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/gaps";
        var response = await browser.PostFormAsync(page + "?handler=Save", new()
        {
            ["Form.IssueCode"] = "1.1", ["Form.Version"] = "0", ["Form.Impact"] = "2", ["Form.Urgency"] = "3", ["Form.Rationale"] = "ฉบับของฉัน",
        }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        var card = html.QuerySelector("#gap-1-1")!;
        Assert.Contains("4", card.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("2", card.QuerySelector("#impact-1-1 option[selected]")!.GetAttribute("value"));
        Assert.Equal("ฉบับของฉัน", card.QuerySelector("#rationale-1-1")!.TextContent);
        Assert.Equal("1", card.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));
        Assert.Equal(4, await app.WithDbAsync(db => db.GapSettings.Where(g => g.AssessmentId == team.AssessmentId).Select(g => g.Impact).SingleAsync()));

        // Saving again, knowingly over the version shown, replaces it.
        var again = await browser.PostFormAsync(page + "?handler=Save", new()
        {
            ["Form.IssueCode"] = "1.1", ["Form.Version"] = "1", ["Form.Impact"] = "2", ["Form.Urgency"] = "3", ["Form.Rationale"] = "ฉบับของฉัน",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.GapSettings.Where(g => g.AssessmentId == team.AssessmentId).Select(g => g.Impact).SingleAsync()));
    }

    [Fact]
    public async Task The_executive_reads_the_gaps_without_save_buttons()
    {
        var team = await app.AgencyAsync();
        var executive = await app.WithDbAsync(db => db.Memberships.Where(m => m.OrganizationId == team.Org.Id && m.Role == Pmqa.Domain.Organizations.Role.Executive)
            .Select(m => m.User!.Email!).SingleAsync());
        var browser = await app.BrowserAsync(executive, Seed.Password);
        var html = await browser.GetHtmlAsync($"/assessments/{team.AssessmentId}/gaps");
        Assert.NotNull(html.QuerySelector("#gap-1-1 [data-missing-items]"));
        Assert.Empty(html.QuerySelectorAll("main .gap-card button[type=submit]"));
        Assert.NotNull(html.QuerySelector("#gap-1-1 fieldset[disabled]"));
    }

    [Fact]
    public async Task The_what_if_handler_answers_figures_to_the_script_and_the_page_without_it_and_saves_nothing()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/path";
        var fields = new List<KeyValuePair<string, string>> { new("Tick", "1.1.B1"), new("Tick", "1.1.B2"), new("Tick", "1.1.B3") };
        var token = (await browser.GetHtmlAsync(page)).QuerySelector("#what-if input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));

        var scripted = new HttpRequestMessage(HttpMethod.Post, page + "?handler=WhatIf") { Content = new FormUrlEncodedContent(fields) };
        scripted.Headers.Add("X-Requested-With", "fetch");
        var figures = await (await browser.SendAsync(scripted)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("10.71", figures.GetProperty("total").GetString());
        Assert.Equal("75.00", figures.GetProperty("categories").GetProperty("1").GetString());
        Assert.False(figures.GetProperty("siteVisit").GetBoolean());

        var plain = await browser.PostAsync(page + "?handler=WhatIf", new FormUrlEncodedContent(fields));
        var html = await plain.HtmlAsync();
        Assert.Equal("10.71", html.QuerySelector("#wi-total")!.TextContent);
        Assert.NotNull(html.QuerySelector("#wi-1-1-B2[checked]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.IssueAnswers.CountAsync(a => a.AssessmentId == team.AssessmentId)));
    }
}

public sealed class GapPageTests_Sqlite(SqliteApp app) : GapPageTests(app), IClassFixture<SqliteApp>;
public sealed class GapPageTests_Postgres(PostgresApp app) : GapPageTests(app), IClassFixture<PostgresApp>;
