using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Auditing;
using Pmqa.Data.Entities;
using Pmqa.Web.Tests.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Audit;

/// <summary>Autosaves of one issue by one person become one audit entry with the first "before" and the
/// last "after" (ADR 0013), so the trail stays bounded while every change stays attributable.</summary>
public abstract class AuditCoalescingTests(PmqaApp app, TestClock clock)
{
    private const string Issue = "1.1";

    [Fact]
    public async Task Fifty_autosaves_by_one_person_are_one_entry_with_the_first_before_and_the_last_after()
    {
        var team = await app.AgencyAsync();
        var etag = await SaveAsync(team.Coordinator, team.AssessmentId, Text(0), await team.Coordinator.IssueETagAsync(team.AssessmentId, Issue));
        for (var i = 1; i <= 50; i++) etag = await SaveAsync(team.Coordinator, team.AssessmentId, Text(i), etag);

        var entries = await EntriesAsync(team.AssessmentId);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        var update = entries[1];
        Assert.Equal(50, update.Saves);
        Assert.NotNull(update.StartedAt);
        Assert.Equal(team.Org.Id, update.OrganizationId);
        var explanations = JsonSerializer.Deserialize<List<FieldChange>>(update.ChangesJson)!.Single(c => c.Field == "ExplanationsJson");
        Assert.Contains(Marker(0), explanations.Old);
        Assert.Contains(Marker(50), explanations.New);
        Assert.DoesNotContain(Marker(25), update.ChangesJson);
        // Bounded: the two entries hold about three copies of the document, not a hundred.
        Assert.True(entries.Sum(e => e.ChangesJson.Length) < 4 * Text(50).Length, $"{entries.Sum(e => e.ChangesJson.Length)} characters stored");
    }

    [Fact]
    public async Task Another_persons_save_in_between_or_a_pause_starts_a_new_entry()
    {
        var team = await app.AgencyAsync();
        var other = await team.Admin.PersonAsync(team.Org, "coordinator");
        var colleague = await app.ApiAsync(other.Email, Seed.Password);
        var etag = await SaveAsync(team.Coordinator, team.AssessmentId, Text(0), await team.Coordinator.IssueETagAsync(team.AssessmentId, Issue));
        etag = await SaveAsync(team.Coordinator, team.AssessmentId, Text(1), etag);
        etag = await SaveAsync(team.Coordinator, team.AssessmentId, Text(2), etag);
        etag = await SaveAsync(colleague, team.AssessmentId, Text(3), etag);
        etag = await SaveAsync(team.Coordinator, team.AssessmentId, Text(4), etag);
        clock.Advance(AuditCoalescing.Pause + TimeSpan.FromMinutes(1));
        await SaveAsync(team.Coordinator, team.AssessmentId, Text(5), etag);

        var updates = (await EntriesAsync(team.AssessmentId)).Where(e => e.Action == AuditAction.Updated).ToList();
        Assert.Equal([team.CoordinatorEmail, other.Email, team.CoordinatorEmail, team.CoordinatorEmail], updates.Select(e => e.UserName));
        Assert.Equal([2, 1, 1, 1], updates.Select(e => e.Saves));
        var firstBurst = JsonSerializer.Deserialize<List<FieldChange>>(updates[0].ChangesJson)!.Single(c => c.Field == "ExplanationsJson");
        Assert.Contains(Marker(0), firstBurst.Old);
        Assert.Contains(Marker(2), firstBurst.New);
        var afterPause = JsonSerializer.Deserialize<List<FieldChange>>(updates[3].ChangesJson)!.Single(c => c.Field == "ExplanationsJson");
        Assert.Contains(Marker(4), afterPause.Old);
        Assert.Contains(Marker(5), afterPause.New);
    }

    private static string Marker(int i) => $"[ร่างที่ {i}]";

    // A long explanation, as people write them: the size is what coalescing bounds.
    private static string Text(int i) => Marker(i) + " " + string.Concat(Enumerable.Repeat("การดำเนินงานตามแผนยุทธศาสตร์ ", 150));

    private static async Task<string> SaveAsync(HttpClient client, Guid assessment, string text, string etag)
    {
        var body = new { @checked = Array.Empty<string>(), explanations = new Dictionary<string, string> { ["Basic"] = text } };
        var response = await client.SendAsync(AssessmentSeed.PutIssue(assessment, Issue, body, etag));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private Task<List<AuditEntry>> EntriesAsync(Guid assessment) => app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.EntityType == nameof(IssueAnswer) && a.AssessmentId == assessment).OrderBy(a => a.Id).ToListAsync());
}

public sealed class AuditCoalescingTests_Sqlite(ClockedSqliteApp app) : AuditCoalescingTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;
public sealed class AuditCoalescingTests_Postgres(ClockedPostgresApp app) : AuditCoalescingTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;

/// <summary>Apps whose clock a test can move forward (to pass the coalescing pause without waiting).</summary>
public sealed class ClockedSqliteApp : SqliteApp
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class ClockedPostgresApp : PostgresApp
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
