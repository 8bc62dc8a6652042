using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Frameworks;

public abstract class FrameworkApiTests(PmqaApp app)
{
    private static string ShippedYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "frameworks", "pmqa-4.0.yaml"));

    [Fact]
    public async Task The_pmqa_tree_has_seven_categories_and_thirty_issues_in_the_documented_shape()
    {
        var client = await app.AdminApiAsync();
        var tree = await (await client.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        var categories = tree.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(7, categories.Count);
        var issues = categories.SelectMany(c => c.GetProperty("issues").EnumerateArray()).ToList();
        Assert.Equal(30, issues.Count);

        var first = issues[0];
        Assert.Equal("1.1", first.GetProperty("code").GetString());
        Assert.Equal("process", first.GetProperty("kind").GetString());
        Assert.NotEmpty(first.GetProperty("nameTh").GetString()!);
        Assert.Equal(["Basic", "Advance", "Significance"], first.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()));
        var item = first.GetProperty("levels")[0].GetProperty("items")[0];
        Assert.Equal("1.1.B1", item.GetProperty("code").GetString());
        Assert.NotEmpty(item.GetProperty("textTh").GetString()!);
        Assert.NotEmpty(item.GetProperty("textEn").GetString()!);
        Assert.Equal(1m, categories[0].GetProperty("weight").GetDecimal());

        var results = issues.Last();
        Assert.Equal("results", results.GetProperty("kind").GetString());
        Assert.NotEmpty(results.GetProperty("suggestedIndicators").EnumerateArray());
        Assert.Contains(results.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()), d => d is "OC" or "CC" or "SH");
    }

    [Fact]
    public async Task An_unknown_framework_is_a_404_problem()
    {
        var response = await (await app.AdminApiAsync()).GetAsync("/api/v1/frameworks/iso-9001");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_each_error_naming_its_line_and_field()
    {
        var client = await app.AdminApiAsync();
        var broken = ShippedYaml.Replace("code: \"1.1.B2\"", "code: \"1.1.B9\"");
        var response = await client.PostAsync("/api/v1/frameworks", new StringContent(broken, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Matches(@"(บรรทัด|line) \d+", message);
        Assert.Contains("levels[0].items[1]", message);
    }

    [Fact]
    public async Task A_new_version_supersedes_the_current_one_and_the_old_one_stays_readable()
    {
        var client = await app.AdminApiAsync();
        var label = Seed.Unique("2570");
        var created = await client.PostAsync("/api/v1/frameworks",
            new StringContent(ShippedYaml.Replace("version: \"2569.1\"", $"version: \"{label}\""), Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var current = await (await client.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        Assert.Equal(label, current.GetProperty("version").GetString());
        var old = await client.GetAsync("/api/v1/frameworks/pmqa-4.0?version=2569.1");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);

        var list = await (await client.GetAsync("/api/v1/frameworks")).JsonAsync();
        Assert.Single(list.EnumerateArray(), v => v.GetProperty("isCurrent").GetBoolean() && v.GetProperty("code").GetString() == "pmqa-4.0");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/frameworks/pmqa-4.0/versions/{label}")).StatusCode);
        current = await (await client.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        Assert.NotEqual(label, current.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_version_used_by_a_round_can_be_neither_changed_nor_deleted()
    {
        var client = await app.AdminApiAsync();
        var label = Seed.Unique("locked");
        var yaml = ShippedYaml.Replace("version: \"2569.1\"", $"version: \"{label}\"");
        await client.PostAsync("/api/v1/frameworks", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        await app.WithDbAsync(async db =>
        {
            var row = await db.FrameworkVersions.SingleAsync(f => f.Version == label);
            row.LockedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });

        var changed = yaml.Replace("nameEn: \"Leadership\"", "nameEn: \"Leading\"");
        var replace = await client.PostAsync("/api/v1/frameworks", new StringContent(changed, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Conflict, replace.StatusCode);
        var delete = await client.DeleteAsync($"/api/v1/frameworks/pmqa-4.0/versions/{label}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var stored = await (await client.GetAsync($"/api/v1/frameworks/pmqa-4.0?version={label}")).JsonAsync();
        Assert.Equal("Leadership", stored.GetProperty("categories")[0].GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task An_import_is_in_the_audit_trail()
    {
        var client = await app.AdminApiAsync();
        var label = Seed.Unique("audit");
        await client.PostAsync("/api/v1/frameworks",
            new StringContent(ShippedYaml.Replace("version: \"2569.1\"", $"version: \"{label}\""), Encoding.UTF8, "application/yaml"));
        var audit = await (await client.GetAsync("/api/v1/audit?entityType=FrameworkVersion")).JsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("userName").GetString() == PmqaApp.AdminEmail &&
            e.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("new").ValueKind == JsonValueKind.String && c.GetProperty("new").GetString() == label));
    }
}

public sealed class FrameworkApiTests_Sqlite(SqliteApp app) : FrameworkApiTests(app), IClassFixture<SqliteApp>;
public sealed class FrameworkApiTests_Postgres(PostgresApp app) : FrameworkApiTests(app), IClassFixture<PostgresApp>;
