using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Plans;
using Pmqa.Web.Tests.Features.Plans;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Operations;

/// <summary>
/// Two application instances on one database and evidence store, as behind nginx (issue 13, ADR 0029): what one
/// instance signs, the other reads (keys in the database), and background work that both run is done once.
/// bench/two-instances.sh proves the same with two real processes, nginx and a killed instance.
/// </summary>
public abstract class TwoInstancesTests(ITwinApp twins)
{
    private PmqaApp A => (PmqaApp)twins;

    [Fact]
    public async Task A_sign_in_made_on_one_instance_is_accepted_by_the_other_and_its_forms_post_there()
    {
        var cookies = new CookieContainer();
        HttpClient Browser(PmqaApp host) => host.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var a = Browser(A);
        var b = Browser(twins.B);
        var notSignedIn = await b.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);

        var signedIn = await a.PostFormAsync("/account/login", new() { ["Input.Email"] = PmqaApp.AdminEmail, ["Input.Password"] = PmqaApp.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/notifications")).StatusCode);

        // The sign-out form (its antiforgery token made by A) posted to B: accepted, and the session ends on both.
        var form = new HtmlParser().ParseDocument(await a.GetStringAsync("/account/logout"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedOut = await b.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await a.GetAsync("/notifications")).StatusCode);

        var keys = await A.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1, "the key ring is in the database");
    }

    [Fact]
    public async Task A_file_uploaded_through_one_instance_downloads_through_the_other_byte_for_byte()
    {
        var team = await A.AgencyAsync();
        var pdf = Features.Evidence.EvidenceFiles.Pdf("two-instances");
        var uploaded = await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence",
            Features.Evidence.EvidenceFiles.Form(pdf, "รายงานผล.pdf", "1.1"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.JsonAsync()).GetProperty("id").GetString();

        var onB = await twins.B.ApiAsync(team.CoordinatorEmail, Seed.Password);
        var downloaded = await onB.GetAsync($"/api/v1/assessments/{team.AssessmentId}/evidence/{id}");
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(pdf, await downloaded.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Two_instances_reminding_of_the_same_late_action_at_once_tell_its_people_once()
    {
        _ = twins.B.Services; // started (with its own start-up reminder run) before the action is late
        var s = await A.DraftPlanAsync();
        var (_, action) = await s.AddProjectAsync();
        await s.ApproveAsync();
        var yesterday = DateOnly.FromDateTime(Pmqa.Domain.Time.ThaiTime.ToBangkok(DateTimeOffset.UtcNow)).AddDays(-1);
        await A.WithDbAsync(db => db.ProjectActions.Where(x => x.Id == action).ExecuteUpdateAsync(u => u.SetProperty(x => x.EndDate, yesterday)));

        // Instance A has read the late action and is about to save its notices when instance B runs to the end.
        var competitorTold = 0;
        twins.Race.When = db => db.ChangeTracker.Entries<CalendarReminder>().Any(e => e.Entity.Key == $"late-action:{action}");
        twins.Race.Competitor = async () => competitorTold = await RunAsync(twins.B);
        await Assert.ThrowsAsync<DbUpdateException>(() => RunAsync(A));

        Assert.True(competitorTold >= 1);
        var told = await A.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/plans/{s.PlanId}" && n.Title.StartsWith("กิจกรรมล่าช้า"))
            .Select(n => n.UserId).ToListAsync());
        Assert.Equal([s.CoordinatorId], told);
        Assert.Equal(0, await RunAsync(A)); // and a later run finds nothing to say
    }

    private static async Task<int> RunAsync(PmqaApp host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlanReminders>().RunAsync();
    }
}

/// <summary>A first instance whose saves can be raced, with a second instance (<see cref="B"/>) on its database and evidence store.</summary>
public interface ITwinApp : IRaceApp
{
    PmqaApp B { get; }
}

/// <summary>Another host on the same database and evidence store; its own (unused) key folder setting.</summary>
public sealed class OtherInstance(string provider, string connection, string blobs) : PmqaApp
{
    public override string Provider => provider;
    protected override string ConnectionString => connection;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Storage:Path"] = blobs;
            return settings;
        }
    }
}

public sealed class TwinSqliteApp : SqliteApp, ITwinApp
{
    private OtherInstance? _b;
    public SaveRace Race { get; } = new();
    public PmqaApp B => _b ??= new OtherInstance(Provider, ConnectionString, BlobPath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<PmqaDbContext>(o => o.AddInterceptors(Race)));
    }

    public override async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class TwinPostgresApp : PostgresApp, ITwinApp
{
    private OtherInstance? _b;
    public SaveRace Race { get; } = new();
    public PmqaApp B => _b ??= new OtherInstance(Provider, ConnectionString, BlobPath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<PmqaDbContext>(o => o.AddInterceptors(Race)));
    }

    public override async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class TwoInstancesTests_Sqlite(TwinSqliteApp app) : TwoInstancesTests(app), IClassFixture<TwinSqliteApp>;
public sealed class TwoInstancesTests_Postgres(TwinPostgresApp app) : TwoInstancesTests(app), IClassFixture<TwinPostgresApp>;
