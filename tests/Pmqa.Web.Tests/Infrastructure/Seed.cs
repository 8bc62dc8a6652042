using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>Creates people and organisations through the public API, each with unique codes so tests in
/// one class never collide.</summary>
public static class Seed
{
    public const string Password = "Member-pass-2026";

    public sealed record Org(Guid Id, string Code, string NameTh);

    public sealed record Person(Guid Id, string Email);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<Org> OrganizationAsync(this HttpClient admin, string type = "department", string? parentCode = null)
    {
        var code = Unique("ORG").ToUpperInvariant();
        var nameTh = $"กรมทดสอบ {code}";
        var response = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code, nameTh, nameEn = $"Test Department {code}", type, parentCode });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Org(await IdOf(response), code, nameTh);
    }

    public static async Task<Person> PersonAsync(this HttpClient admin, Org? org = null, string role = "coordinator")
    {
        var email = $"{Unique("user")}@agency.go.th";
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = Password, displayName = $"ผู้ทดสอบ {email}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = new Person(await IdOf(response), email);
        if (org is not null) await admin.MemberAsync(org, person, role);
        return person;
    }

    public static async Task<Guid> MemberAsync(this HttpClient admin, Org org, Person person, string role)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = person.Email, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await IdOf(response);
    }

    public static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
