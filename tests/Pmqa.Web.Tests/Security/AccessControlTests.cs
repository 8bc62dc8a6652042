using System.Net;
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
/// organisation gets 404 for organisation data and administration, and never sees the victim's data.
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
            ["certificateId"] = certificate.ToString(), ["format"] = "csv", ["clarificationId"] = clarification.ToString(),
            ["notificationId"] = notification.Id.ToString(),
            ["planId"] = plan.Plan.ToString(), ["projectId"] = plan.Project.ToString(), ["actionId"] = plan.Action.ToString(), ["reportId"] = plan.Report.ToString(),
            ["code"] = "pmqa-4.0", ["issueCode"] = "1.1", ["version"] = "2569.1", ["documentName"] = "v1",
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
