using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>
/// Walks every endpoint and page the application maps (so a new one is covered the moment it exists) and
/// proves that an anonymous caller gets a sign-in redirect or 401, and that a member of another
/// organisation gets 404 for organisation data and administration, and never sees the victim's data; then
/// walks it again as a category owner of another category, a reviewer not on the review team, an OPDC officer
/// and an administrator, each answer checked against the row's expectation for that role (AccessByRole.cs).
/// </summary>
public abstract class AccessControlTests(PmqaApp app)
{
    /// <summary>The only endpoints open to everyone: the table's Public rows.</summary>
    private static readonly HashSet<string> Public = AccessTable.Expected.Where(r => r.Value == Access.Public).Select(r => r.Key).ToHashSet();

    private sealed record Probe(string Method, string Template, string Url, bool IsPage, bool IsAdmin, bool IsOrganizationScoped, string ContentType)
    {
        public Access Access { get; init; }

        public string Key => $"{Method} {Template}";
    }

    [Fact]
    public async Task Every_page_and_endpoint_has_a_row_in_the_access_table()
    {
        await app.AdminApiAsync(); // starts the server, so the endpoint data source is complete
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => Methods(e).Select(m => (Key: $"{m} {Template(e)}", Endpoint: e))).ToList();
        var missing = mapped.Where(m => !AccessTable.Expected.ContainsKey(m.Key)).Select(m => m.Key).Distinct().Order().ToList();
        Assert.True(missing.Count == 0, "These routes have no row in tests/Pmqa.Web.Tests/Security/AccessTable.cs; add one line each, e.g.\n"
            + string.Join("\n", missing.Select(k => $"        [\"{k}\"] = Access.<Public|SignedIn|Own|Organization|Officer|Admin>,")));
        var stale = AccessTable.Expected.Keys.Except(mapped.Select(m => m.Key)).Order().ToList();
        Assert.True(stale.Count == 0, "These rows of AccessTable.cs name routes the application no longer maps: " + string.Join(", ", stale));
        var staleByRole = AccessByRole.Exceptions.Keys.Select(k => k.Route).Except(AccessTable.Expected.Keys).Distinct().Order().ToList();
        Assert.True(staleByRole.Count == 0, "These rows of AccessByRole.cs name routes AccessTable.cs does not have: " + string.Join(", ", staleByRole));
    }

    [Fact]
    public async Task Only_the_listed_endpoints_are_public()
    {
        var probes = await ProbesAsync(new Dictionary<string, string>());
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => Methods(e).Select(m => $"{m} {Template(e)}"))
            .ToHashSet();
        Assert.Equal(Public.Order(), anonymous.Order());
        // The walk sees pages and API endpoints, and tells administration and organisation data apart.
        Assert.True(probes.Count > 40, $"only {probes.Count} probes");
        Assert.Contains(probes, p => p.IsPage && p.IsAdmin && p.Template == "/admin/users");
        Assert.Contains(probes, p => !p.IsPage && p.IsAdmin && p.Template == "/api/v1/users");
        Assert.Contains(probes, p => p.IsPage && p.IsOrganizationScoped && p.Template == "/organizations/{orgId}");
    }

    [Fact]
    public async Task An_anonymous_caller_is_sent_to_sign_in_or_refused_everywhere_else()
    {
        var (values, _) = await VictimAsync();
        var client = app.Anonymous();
        foreach (var probe in (await ProbesAsync(values)).Where(p => !Public.Contains(p.Key)))
        {
            var response = await SendAsync(client, probe);
            Assert.True(MissingHardening(response) is null, $"{probe.Key} answered an anonymous caller without {MissingHardening(response)}");
            if (probe.IsPage)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login"),
                    $"{probe.Key} answered {(int)response.StatusCode} to an anonymous caller");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{probe.Key} answered {(int)response.StatusCode} to an anonymous caller");
            }
        }
    }

    [Fact]
    public async Task A_member_of_another_organisation_gets_nothing_of_the_victims()
    {
        var (values, victim) = await VictimAsync();
        var admin = await app.AdminApiAsync();
        var outsiderOrg = await admin.OrganizationAsync();
        var outsider = await admin.PersonAsync(outsiderOrg, "coordinator");
        var api = await app.ApiAsync(outsider.Email, Seed.Password);
        var pages = await app.BrowserAsync(outsider.Email, Seed.Password);

        foreach (var probe in (await ProbesAsync(values)).Where(p => !Public.Contains(p.Key)))
        {
            // Revoking one's own token is self-service; do it with a token of its own so the walk goes on.
            var client = probe.Key == "DELETE /api/v1/auth/token" ? await app.ApiAsync(outsider.Email, Seed.Password) : probe.IsPage ? pages : api;
            var response = await SendAsync(client, probe);
            var body = await response.Content.ReadAsStringAsync();
            if (probe.IsAdmin || probe.IsOrganizationScoped)
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{probe.Key} answered {(int)response.StatusCode} to an outsider");
            else
                Assert.True((int)response.StatusCode is 200 or 204 or 400 or 404 or 405, $"{probe.Key} answered {(int)response.StatusCode} to an outsider");
            Assert.False(body.Contains(victim.Code) || body.Contains(victim.Email) || body.Contains(victim.Name),
                $"{probe.Key} showed the victim's data to an outsider");
        }

        Assert.True(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.Id == Guid.Parse(values["membershipId"]))),
            "an outsider's request removed the victim's membership");
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Id == Guid.Parse(values["notificationId"]) && n.ReadAt == null)),
            "an outsider's request marked the victim's notification as read");
    }

    // ---- The other roles of issue 8: each row's expected answer per role comes from AccessByRole.cs. ----

    [Fact]
    public Task An_OPDC_officer_gets_what_the_table_says_everywhere() => WalkAsync(Caller.OpdcOfficer);

    [Fact]
    public Task An_administrator_gets_what_the_table_says_everywhere() => WalkAsync(Caller.Administrator);

    [Fact]
    public Task A_reviewer_not_on_the_review_team_gets_what_the_table_says_everywhere() => WalkAsync(Caller.ReviewerNotOnTeam);

    [Fact]
    public Task A_category_owner_of_another_category_gets_what_the_table_says_everywhere() => WalkAsync(Caller.CategoryOwnerOfAnotherCategory);

    /// <summary>Sends every route to the caller (reads first, so that a removal the caller may make does not
    /// hide what a later read would show) and lists every route whose answer is not the table's.</summary>
    private async Task WalkAsync(Caller caller)
    {
        var (values, victim) = await VictimAsync();
        var assessmentId = Guid.Parse(values["assessmentId"]);
        var admin = await app.AdminApiAsync();
        var opdc = await app.OpdcAsync();
        // The assessment has a review team, of someone else.
        var teamReviewer = await admin.PersonAsync(opdc, "reviewer");
        await app.WithDbAsync(db =>
        {
            db.ReviewAssignments.Add(new Pmqa.Data.Entities.ReviewAssignment
            {
                AssessmentId = assessmentId, UserId = teamReviewer.Id, IsLead = true, AssignedAt = DateTimeOffset.UtcNow, AssignedBy = "test",
            });
            return db.SaveChangesAsync();
        });
        var (email, password, writes) = caller switch
        {
            Caller.Administrator => (PmqaApp.AdminEmail, PmqaApp.AdminPassword, null),
            Caller.OpdcOfficer => ((await admin.PersonAsync(opdc, "opdcOfficer")).Email, Seed.Password, null),
            Caller.ReviewerNotOnTeam => ((await admin.PersonAsync(opdc, "reviewer")).Email, Seed.Password, null),
            _ => await CategoryOwnerAsync(admin, values),
        };
        var api = await app.ApiAsync(email, password);
        var pages = await app.BrowserAsync(email, password);

        var wrong = new List<string>();
        foreach (var probe in (await ProbesAsync(values)).OrderBy(p => p.Method is "GET" or "HEAD" ? 0 : 1))
        {
            var expected = AccessByRole.Expected(probe.Key, probe.Access, caller);
            var client = probe.Key == "DELETE /api/v1/auth/token" ? await app.ApiAsync(email, password) : probe.IsPage ? pages : api;
            // A refusal that depends on the request (which issue, which file) is asked with a real request on a draft.
            var response = writes is not null && writes.TryGetValue(probe.Key, out var real) ? await client.SendAsync(await real()) : await SendAsync(client, probe);
            var actual = Classify(response);
            if (MissingHardening(response) is { } missing) wrong.Add($"{caller}: {probe.Key} answered {(int)response.StatusCode} without {missing}");
            if (actual != expected) wrong.Add($"{caller}: {probe.Key} answered {(int)response.StatusCode} ({actual}), the table says {expected}");
            else if (expected == Answer.NotFound && (await response.Content.ReadAsStringAsync()).Contains(victim.Code))
                wrong.Add($"{caller}: {probe.Key} refused but showed the victim's code");
        }
        Assert.True(wrong.Count == 0, "Answers that differ from AccessTable.cs / AccessByRole.cs:\n" + string.Join("\n", wrong));
    }

    /// <summary>Issue 13: the hardening headers are on every response, refusals and errors included.</summary>
    private static string? MissingHardening(HttpResponseMessage response)
    {
        string? One(string name) => response.Headers.TryGetValues(name, out var v) ? v.SingleOrDefault() : null;
        if (One("X-Content-Type-Options") != "nosniff") return "X-Content-Type-Options: nosniff";
        if (One("Content-Security-Policy") is not { } csp || !csp.Contains("frame-ancestors 'none'")) return "a Content-Security-Policy with frame-ancestors 'none'";
        return One("Referrer-Policy") is null ? "Referrer-Policy" : null;
    }

    private static Answer? Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.NotFound => Answer.NotFound,
        HttpStatusCode.Forbidden => Answer.Forbidden,
        HttpStatusCode.Unauthorized => null,
        HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/account/login") => null,
        _ => Answer.Allowed,
    };

    /// <summary>A category owner of the victim agency given category 2, and the real requests (on a draft of the
    /// same agency, with a file of the coordinator's supporting issue 1.1) for the routes where the category decides.</summary>
    private async Task<(string, string, Dictionary<string, Func<Task<HttpRequestMessage>>>)> CategoryOwnerAsync(HttpClient admin, Dictionary<string, string> values)
    {
        var org = new Seed.Org(Guid.Parse(values["orgId"]), "", "");
        var owner = await admin.PersonAsync(org, "categoryOwner");
        await app.WithDbAsync(db =>
        {
            db.CategoryAssignments.Add(new Pmqa.Data.Entities.CategoryAssignment { AssessmentId = Guid.Parse(values["assessmentId"]), CategoryCode = "2", UserId = owner.Id });
            return db.SaveChangesAsync();
        });
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var draft = (await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync())
            .EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync($"/api/v1/assessments/{draft}/assignments/2", new { userId = owner.Id })).StatusCode);
        var url = $"/api/v1/assessments/{draft}/evidence";
        var file = await Seed.IdOf(await coordinator.PostAsync(url, Features.Evidence.EvidenceFiles.Form(Features.Evidence.EvidenceFiles.Pdf("walk"), "แผน.pdf", "1.1")));
        var client = await app.ApiAsync(owner.Email, Seed.Password);
        Task<HttpRequestMessage> Request(HttpMethod method, string path, HttpContent? content = null) =>
            Task.FromResult(new HttpRequestMessage(method, path) { Content = content });
        return (owner.Email, Seed.Password, new()
        {
            ["PUT /api/v1/assessments/{assessmentId}/issues/{issueCode}"] = async () =>
                AssessmentSeed.PutIssue(draft, "1.1", new { @checked = new[] { "1.1.B1" } }, await client.IssueETagAsync(draft, "1.1")),
            ["PUT /api/v1/assessments/{assessmentId}/evidence/{evidenceId}/links/{issueCode}"] = () => Request(HttpMethod.Put, $"{url}/{file}/links/1.2"),
            ["DELETE /api/v1/assessments/{assessmentId}/evidence/{evidenceId}/links/{issueCode}"] = () => Request(HttpMethod.Delete, $"{url}/{file}/links/1.1"),
            ["DELETE /api/v1/assessments/{assessmentId}/evidence/{evidenceId}"] = () => Request(HttpMethod.Delete, $"{url}/{file}"),
            ["POST /api/v1/assessments/{assessmentId}/evidence"] = () => Request(HttpMethod.Post, url,
                Features.Evidence.EvidenceFiles.Form(Features.Evidence.EvidenceFiles.Pdf("owner"), "อื่น.pdf", "1.1")),
        });
    }

    private sealed record Victim(string Code, string Name, string Email);

    private async Task<(Dictionary<string, string> Values, Victim Victim)> VictimAsync()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var person = await admin.PersonAsync();
        var membership = await admin.MemberAsync(org, person, "coordinator");
        var round = await admin.OpenRoundAsync();
        var assessment = (await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync())
            .EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetString()!;
        // A file of the victim's, named so that showing it would show the victim's code.
        var coordinator = await app.ApiAsync(person.Email, Seed.Password);
        var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", $"{org.Code}-หลักฐาน.pdf" } };
        var evidence = await Seed.IdOf(await coordinator.PostAsync($"/api/v1/assessments/{assessment}/evidence", file));
        var clarification = await Features.Clarifications.ClarificationSeed.VictimThreadAsync(app, Guid.Parse(assessment), person.Id, org.Code);
        var certificate = await app.CertifyAsync(Guid.Parse(assessment));
        var plan = await Features.Plans.PlanVictim.PlanAsync(app, org.Id, Guid.Parse(assessment), person.Id, org.Code);
        var calendar = await Features.Calendar.CalendarVictim.EventAsync(app, org.Id, person.Id, org.Code);
        var practice = await Features.Practices.PracticeSeed.PendingVictimAsync(app, org.Id, Guid.Parse(assessment), evidence, org.Code);
        var service = await Features.Digital.DigitalSeed.VictimServiceAsync(app, org.Id, org.Code);
        var followUp = await Features.Digital.FollowUpSeed.VictimUpdateAsync(app, org.Id, org.Code);
        var entry = await Features.Digital.DigitalSeed.VictimEntryAsync(app, org.Id, org.Code);
        var reportPrint = await Features.Reports.RoundReportPrintVictim.DoneJobAsync(app, round, org.Code);
        // A notification of the victim's, saying the victim's code.
        var notification = new Pmqa.Data.Entities.Notification
        {
            UserId = person.Id, Title = $"แจ้งเตือน {org.Code}", Body = org.NameTh, Link = $"/assessments/{assessment}", CreatedAt = DateTimeOffset.UtcNow,
        };
        await app.WithDbAsync(db => { db.Notifications.Add(notification); return db.SaveChangesAsync(); });
        return (new Dictionary<string, string>
        {
            ["orgId"] = org.Id.ToString(), ["userId"] = person.Id.ToString(), ["membershipId"] = membership.ToString(),
            ["assessmentId"] = assessment, ["roundId"] = round.ToString(), ["sectionCode"] = "P1", ["categoryCode"] = "1", ["evidenceId"] = evidence.ToString(),
            ["certificateId"] = certificate.ToString(), ["format"] = "xlsx", ["clarificationId"] = clarification.ToString(),
            ["notificationId"] = notification.Id.ToString(),
            ["planId"] = plan.Plan.ToString(), ["projectId"] = plan.Project.ToString(), ["actionId"] = plan.Action.ToString(), ["reportId"] = plan.Report.ToString(),
            ["practiceId"] = practice.ToString(), ["jobId"] = reportPrint.ToString(),
            ["serviceId"] = service.ToString(), ["entryId"] = entry.ToString(),
            ["periodId"] = followUp.Period.ToString(), ["updateId"] = followUp.Update.ToString(),
            ["code"] = "pmqa-4.0", ["issueCode"] = "1.1", ["version"] = "2569.1", ["documentName"] = "v1",
            ["eventId"] = calendar.Event.ToString(), ["registrationId"] = calendar.Registration.ToString(), ["fiscalYear"] = "2570", ["audience"] = "departments",
            ["token"] = Features.Calendar.CalendarVictim.FeedToken(org.Code),
        }, new Victim(org.Code, org.NameTh, person.Email));
    }

    private async Task<List<Probe>> ProbesAsync(Dictionary<string, string> values)
    {
        await app.AdminApiAsync(); // starts the server, so the endpoint data source is complete
        var probes = new List<Probe>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = Template(endpoint);
            var url = values.Count == 0 ? template : Url(endpoint.RoutePattern, values, template);
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
            // A body of a type the endpoint accepts, so that routing reaches authorization.
            var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
            // What the route should allow comes from the hand-written table, never from the endpoint's own policies.
            foreach (var method in Methods(endpoint))
            {
                var key = $"{method} {template}";
                if (!AccessTable.Expected.TryGetValue(key, out var access))
                    throw new InvalidOperationException($"{key} has no row in tests/Pmqa.Web.Tests/Security/AccessTable.cs: add one.");
                probes.Add(new Probe(method, template, url, isPage, access is Access.Admin or Access.Officer,
                    access is Access.Organization or Access.Own, contentType) { Access = access });
            }
        }
        return probes;
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];

    private static string Template(RouteEndpoint endpoint)
    {
        var path = string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content.ToLowerInvariant(),
            RoutePatternParameterPart q => "{" + q.Name + "}",
            RoutePatternSeparatorPart sep => sep.Content,
            _ => "",
        }))));
        return "/" + path.TrimEnd('/');
    }

    private static string Url(RoutePattern pattern, Dictionary<string, string> values, string template) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart q when values.TryGetValue(q.Name, out var v) => v,
            RoutePatternParameterPart q => throw new InvalidOperationException(
                $"{template} has a route parameter {{{q.Name}}} this test does not know: add a value for it in VictimAsync."),
            RoutePatternSeparatorPart sep => sep.Content,
            _ => "",
        }))));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url)
        {
            Content = probe.Method is "GET" or "HEAD" or "DELETE" ? null : new StringContent("{}", System.Text.Encoding.UTF8, probe.ContentType),
        });
}

public sealed class AccessControlTests_Sqlite(SqliteApp app) : AccessControlTests(app), IClassFixture<SqliteApp>;
public sealed class AccessControlTests_Postgres(PostgresApp app) : AccessControlTests(app), IClassFixture<PostgresApp>;
