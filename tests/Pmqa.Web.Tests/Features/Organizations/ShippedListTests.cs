using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Organizations;

/// <summary>The shipped list is what a new installation starts from: opening the default round (departments)
/// after importing it must give every department a draft, not an empty board.</summary>
public abstract class ShippedListTests(PmqaApp app)
{
    [Fact]
    public async Task Opening_a_department_round_after_importing_the_shipped_list_gives_every_department_a_draft()
    {
        var admin = await app.AdminApiAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "organizations-th.csv"))), "file", "organizations-th.csv" },
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/organizations/import", form)).StatusCode);
        var departments = await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Type == OrganizationType.Department && o.Parent!.Type == OrganizationType.Ministry));
        Assert.True(departments >= 140, $"the shipped list holds {departments} departments");

        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear = 2570, frameworkCode = "pmqa-4.0", audiences = new[] { "department" },
            opensAt = DateTimeOffset.UtcNow, submissionDeadline = DateTimeOffset.UtcNow.AddDays(10),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await admin.PostAsync($"/api/v1/rounds/{await Seed.IdOf(created)}/open", null)).IsSuccessStatusCode);
        var drafts = await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.Organization!.Type == OrganizationType.Department));
        Assert.Equal(departments, drafts);
    }
}

public sealed class ShippedListTests_Sqlite(SqliteApp app) : ShippedListTests(app), IClassFixture<SqliteApp>;
public sealed class ShippedListTests_Postgres(PostgresApp app) : ShippedListTests(app), IClassFixture<PostgresApp>;
