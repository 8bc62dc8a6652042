using System.Net;
using System.Text;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Limits;

/// <summary>Framework import through the API: a hostile or oversized file is refused with a message, and the
/// server keeps answering.</summary>
public sealed class FrameworkImportLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task A_deeply_nested_pack_is_refused_and_the_server_keeps_answering()
    {
        var admin = await app.AdminApiAsync();
        var deep = "categories: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var response = await admin.PostAsync("/api/v1/frameworks", Yaml(deep));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("64", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Fact]
    public async Task A_pack_over_the_byte_limit_is_413_naming_the_limit()
    {
        var admin = await app.AdminApiAsync();
        var response = await admin.PostAsync("/api/v1/frameworks", Yaml("code: x\n#" + new string('x', 3 * 1024 * 1024) + "\n"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("2 MB", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
    }
}
