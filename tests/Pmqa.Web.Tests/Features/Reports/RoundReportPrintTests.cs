using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Features.Reports.RoundPrints;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Pmqa.Web.Tests.Features.Reports;

/// <summary>ADR 0038: OPDC prints every submitted agency's report of a round as one background job and downloads one ZIP.</summary>
public abstract class RoundReportPrintTests(PmqaApp app)
{
    private static string Api(Guid round) => $"/api/v1/rounds/{round}/report-prints";

    /// <summary>A round of its own (a fiscal year no other test uses) with two agencies that have submitted (one of them
    /// since certified) and a third whose submission its executive sent back (a draft again, its SubmittedAt kept), which
    /// has no report to print.</summary>
    private async Task<(Guid Round, List<(Seed.Org Org, Guid Assessment)> Agencies, HttpClient Admin, string CoordinatorEmail)> RoundAsync()
    {
        var admin = await app.AdminApiAsync();
        var all = new List<(Seed.Org, Guid)>();
        var orgs = new[] { await admin.OrganizationAsync(), await admin.OrganizationAsync(), await admin.OrganizationAsync() };
        var coordinator = await admin.PersonAsync(orgs[0], "coordinator");
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        foreach (var org in orgs)
        {
            var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
            all.Add((org, list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid()));
        }
        foreach (var ((_, id), state) in all.Zip(new[] { AssessmentState.Submitted, AssessmentState.Certified, AssessmentState.Draft }))
            await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, DateTimeOffset.UtcNow).SetProperty(a => a.State, state)));
        return (round, all.Take(2).ToList(), admin, coordinator.Email);
    }

    private static async Task<JsonElement> DoneAsync(HttpClient admin, Guid round)
    {
        var printed = new List<int>();
        for (var i = 0; i < 240; i++)
        {
            var job = await (await admin.GetAsync($"{Api(round)}/latest")).JsonAsync();
            printed.Add(job.GetProperty("printed").GetInt32());
            Assert.True(job.GetProperty("printed").GetInt32() <= job.GetProperty("total").GetInt32());
            if (job.GetProperty("state").GetString() is "done" or "failed") return job;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the job did not finish; printed {string.Join(", ", printed)}");
    }

    private static List<(string Name, byte[] Bytes)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return (e.FullName, bytes.ToArray());
        }).ToList();
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task OPDC_queues_every_agencys_report_follows_progress_and_downloads_one_ZIP_with_a_PDF_per_agency()
    {
        var (round, agencies, admin, _) = await RoundAsync();

        var queued = await admin.PostAsync(Api(round), null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var job = await queued.JsonAsync();
        Assert.Equal(2, job.GetProperty("total").GetInt32());
        Assert.Contains(job.GetProperty("state").GetString(), new[] { "queued", "running", "done" });
        // Asked again while it runs: the same job, not a second one.
        var again = await (await admin.PostAsync(Api(round), null)).JsonAsync();
        if (again.GetProperty("state").GetString() != "done") Assert.Equal(job.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());

        var done = await DoneAsync(admin, round);
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(2, done.GetProperty("printed").GetInt32());
        Assert.Equal($"{Api(round)}/{done.GetProperty("id").GetGuid()}/reports.zip", done.GetProperty("downloadUrl").GetString());
        var zipResponse = await admin.GetAsync(done.GetProperty("downloadUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType!.MediaType);
        var entries = Entries(await zipResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(agencies.Select(a => $"{a.Org.Code} {a.Org.NameTh}.pdf").Order(StringComparer.Ordinal), entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var (org, _) in agencies)
        {
            var pdf = entries.Single(e => e.Name.StartsWith(org.Code, StringComparison.Ordinal)).Bytes;
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
            var text = Text(pdf);
            Assert.Contains(org.Code, text);
            Assert.DoesNotContain(agencies.Single(a => a.Org != org).Org.Code, text);
        }

        // The page offers the same ZIP, and the queueing is in the audit trail under the officer's name.
        var pages = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = await pages.GetHtmlAsync($"/rounds/{round}");
        var pagePath = RoundReportPrints.DownloadPath(round, done.GetProperty("id").GetGuid());
        Assert.Equal(pagePath, page.QuerySelector("#report-prints-download")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(pagePath)).StatusCode);
        var jobId = done.GetProperty("id").GetGuid().ToString();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RoundReportPrint) && a.EntityKey == jobId
            && a.Action == AuditAction.Created && a.UserId != null)));
    }

    [Fact]
    public async Task The_page_button_queues_the_job_and_an_agencys_users_get_404_for_every_route()
    {
        var (round, _, admin, coordinatorEmail) = await RoundAsync();
        var pages = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var posted = await pages.PostFormAsync($"/rounds/{round}?handler=PrintReports", new(), $"/rounds/{round}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var done = await DoneAsync(admin, round);
        Assert.Equal("done", done.GetProperty("state").GetString());
        var status = await pages.GetHtmlAsync($"/rounds/{round}?handler=PrintStatus");
        Assert.NotNull(status.QuerySelector("#report-prints-download"));

        var api = await app.ApiAsync(coordinatorEmail, Seed.Password);
        var browser = await app.BrowserAsync(coordinatorEmail, Seed.Password);
        var zip = done.GetProperty("downloadUrl").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync(Api(round), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Api(round)}/latest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(zip)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(RoundReportPrints.DownloadPath(round, done.GetProperty("id").GetGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/rounds/{round}?handler=PrintStatus")).StatusCode);
    }

    /// <summary>An instance died while printing: its lease runs out and the job carries on from the reports it stored
    /// (the one already stored is not printed again), and the ZIP is offered only when whole.</summary>
    [Fact]
    public async Task A_job_left_by_a_dead_instance_resumes_from_the_reports_already_stored()
    {
        var (round, agencies, admin, _) = await RoundAsync();
        var marker = "%PDF-1.4\n% stored before the instance died\n"u8.ToArray();
        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<IBlobStore>().SaveAsync(new MemoryStream(marker));
        var job = new RoundReportPrint
        {
            RoundId = round, RequestedById = Guid.Empty, RequestedByName = PmqaApp.AdminEmail, RequestedAt = DateTimeOffset.UtcNow, Total = 2,
            State = RoundReportPrint.Running, LeaseOwner = "dead-instance", LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(-1),
        };
        // The worker prints as the person who asked: the administrator.
        job.RequestedById = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PmqaApp.AdminEmail).Select(u => u.Id).FirstAsync());
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        db.RoundReportPrints.Add(job);
        db.RoundReportPrintItems.Add(new RoundReportPrintItem { JobId = job.Id, AssessmentId = agencies[0].Assessment, FileName = ZipEntryName.For(agencies[0].Org.Code, agencies[0].Org.NameTh), PdfSha256 = stored.Sha256 });
        db.RoundReportPrintItems.Add(new RoundReportPrintItem { JobId = job.Id, AssessmentId = agencies[1].Assessment, FileName = ZipEntryName.For(agencies[1].Org.Code, agencies[1].Org.NameTh) });
        await db.SaveChangesAsync();
        var latest = await (await admin.GetAsync($"{Api(round)}/latest")).JsonAsync();
        Assert.Equal(1, latest.GetProperty("printed").GetInt32());
        Assert.Equal(JsonValueKind.Null, latest.GetProperty("downloadUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api(round)}/{job.Id}/reports.zip")).StatusCode);

        app.Services.GetRequiredService<RoundReportPrintSignal>().Wake();
        var done = await DoneAsync(admin, round);
        Assert.Equal("done", done.GetProperty("state").GetString());
        var entries = Entries(await admin.GetByteArrayAsync($"{Api(round)}/{job.Id}/reports.zip"));
        Assert.Equal(marker, entries.Single(e => e.Name.StartsWith(agencies[0].Org.Code, StringComparison.Ordinal)).Bytes);
        Assert.Contains(agencies[1].Org.Code, Text(entries.Single(e => e.Name.StartsWith(agencies[1].Org.Code, StringComparison.Ordinal)).Bytes));
        Assert.Null(await app.WithDbAsync(db2 => db2.RoundReportPrints.Where(j => j.Id == job.Id).Select(j => j.LeaseOwner).FirstAsync()));
    }

    /// <summary>Two instances: a job whose lease another instance holds is left to it, and of two claims of a free job at
    /// most one wins (the conditional update), so a round is never printed twice at once.</summary>
    [Fact]
    public async Task A_live_lease_is_left_to_its_instance_and_of_two_claims_at_most_one_wins()
    {
        var (round, _, _, _) = await RoundAsync();
        var printer = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RoundReportPrinter>().Single();
        var held = new RoundReportPrint
        {
            // Another round's (one job queued or running per round).
            RoundId = Guid.CreateVersion7(), RequestedByName = "x", RequestedAt = DateTimeOffset.UtcNow.AddYears(-1), Total = 0,
            State = RoundReportPrint.Running, LeaseOwner = "the-other-instance", LeaseUntil = DateTimeOffset.UtcNow.AddHours(1),
        };
        var free = new RoundReportPrint { RoundId = round, RequestedByName = "x", RequestedAt = DateTimeOffset.UtcNow.AddYears(-1), Total = 0 };
        await app.WithDbAsync(async db =>
        {
            db.RoundReportPrints.AddRange(held, free);
            return await db.SaveChangesAsync();
        });

        var claims = await Task.WhenAll(printer.TryClaimAsync(CancellationToken.None), printer.TryClaimAsync(CancellationToken.None));

        // Exactly one of the two won, unless this process's own background printer claimed the free job first.
        var winners = claims.Count(c => c?.Id == free.Id);
        var freeAfter = await app.WithDbAsync(db => db.RoundReportPrints.AsNoTracking().FirstAsync(j => j.Id == free.Id));
        Assert.True(winners == 1 || (winners == 0 && freeAfter.State != RoundReportPrint.Queued), $"{winners} of two claims won the free job");
        Assert.DoesNotContain(claims, c => c?.Id == held.Id);
        var after = await app.WithDbAsync(db => db.RoundReportPrints.AsNoTracking().FirstAsync(j => j.Id == held.Id));
        Assert.Equal("the-other-instance", after.LeaseOwner);
    }

    [Fact]
    public void ZIP_entry_names_keep_Thai_and_replace_what_a_file_system_refuses()
    {
        Assert.Equal("ORG-1 กรมทดสอบ.pdf", ZipEntryName.For("ORG-1", "กรมทดสอบ"));
        Assert.Equal("A_B กรม_ทด_สอบ_.pdf", ZipEntryName.For("A/B", "กรม\\ทด:สอบ\u0007"));
        Assert.Equal("X.pdf", ZipEntryName.For("X", "  .. "));
        var taken = new HashSet<string>();
        Assert.Equal("C ก.pdf", ZipEntryName.Unique("C", "ก", taken));
        Assert.Equal("C ก (2).pdf", ZipEntryName.Unique("C", "ก", taken));
    }
}

public sealed class RoundReportPrintTests_Sqlite(SqliteApp app) : RoundReportPrintTests(app), IClassFixture<SqliteApp>;
public sealed class RoundReportPrintTests_Postgres(PostgresApp app) : RoundReportPrintTests(app), IClassFixture<PostgresApp>;

/// <summary>For the access walk: a finished job of the victim's round whose ZIP holds a file named by the victim's code.</summary>
public static class RoundReportPrintVictim
{
    public static async Task<Guid> DoneJobAsync(PmqaApp app, Guid round, string victimCode)
    {
        await using var scope = app.Scope();
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = archive.CreateEntry($"{victimCode}.pdf").Open())
            entry.Write("%PDF-1.4\n%%EOF\n"u8);
        zip.Position = 0;
        var blob = await scope.ServiceProvider.GetRequiredService<IBlobStore>().SaveAsync(zip);
        var job = new RoundReportPrint
        {
            RoundId = round, RequestedByName = PmqaApp.AdminEmail, RequestedAt = DateTimeOffset.UtcNow, Total = 1, State = RoundReportPrint.Done,
            FinishedAt = DateTimeOffset.UtcNow, ZipSha256 = blob.Sha256, ZipLength = blob.Length,
        };
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        db.RoundReportPrints.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }
}
