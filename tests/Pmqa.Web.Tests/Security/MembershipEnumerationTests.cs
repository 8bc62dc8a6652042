using System.Net.Http.Json;
using System.Text.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>A coordinator cannot learn from a refused membership request whether an address has an account.</summary>
public abstract class MembershipEnumerationTests(PmqaApp app)
{
    [Theory]
    [InlineData("")]
    [InlineData("systemAdmin")]
    [InlineData("reviewer")]
    [InlineData("no-such-role")]
    public async Task A_refused_role_reads_the_same_for_a_known_and_an_unknown_address(string role)
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await admin.PersonAsync(org, "coordinator");
        var registered = await admin.PersonAsync();
        var client = await app.ApiAsync(coordinator.Email, Seed.Password);

        var known = await client.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = registered.Email, role });
        var unknown = await client.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = "nobody-" + registered.Email, role });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownErrors = Errors(await known.JsonAsync());
        Assert.Equal(knownErrors, Errors(await unknown.JsonAsync()));
        Assert.Equal(["role"], knownErrors.Keys);
    }

    private static SortedDictionary<string, string> Errors(JsonElement problem) =>
        new(problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()));
}

public sealed class MembershipEnumerationTests_Sqlite(SqliteApp app) : MembershipEnumerationTests(app), IClassFixture<SqliteApp>;

public sealed class MembershipEnumerationTests_Postgres(PostgresApp app) : MembershipEnumerationTests(app), IClassFixture<PostgresApp>;
