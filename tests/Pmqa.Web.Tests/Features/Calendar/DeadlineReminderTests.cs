using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Web.Features.Calendar;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Calendar;

public abstract class DeadlineReminderTests(PmqaApp app)
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Coordinators_of_an_organisation_not_yet_submitted_are_reminded_7_and_1_days_before_once_each()
    {
        var admin = await app.AdminApiAsync();
        var late = await admin.OrganizationAsync();
        var lateCoordinator = await admin.PersonAsync(late, "coordinator");
        var done = await admin.OrganizationAsync();
        var doneCoordinator = await admin.PersonAsync(done, "coordinator");
        var roundId = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var due = (await (await admin.GetAsync($"/api/v1/rounds/{roundId}")).JsonAsync()).GetProperty("round").GetProperty("submissionDeadline").GetDateTimeOffset();
        await app.WithDbAsync(async db =>
        {
            var submitted = await db.Assessments.SingleAsync(a => a.RoundId == roundId && a.OrganizationId == done.Id);
            submitted.SubmittedAt = due.AddDays(-10);
            return await db.SaveChangesAsync();
        });

        Task<List<string>> TitlesAsync(Guid userId) =>
            app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link.StartsWith("/assessments/")).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

        await RunAtAsync(due.AddDays(-8));
        Assert.Empty(await TitlesAsync(lateCoordinator.Id)); // not yet
        await RunAtAsync(due.AddDays(-6));
        await RunAtAsync(due.AddDays(-5)); // a second run (or instance) sends nothing more
        var week = Assert.Single(await TitlesAsync(lateCoordinator.Id));
        Assert.Contains("7", week);
        await RunAtAsync(due.AddHours(-12));
        await RunAtAsync(due.AddHours(-11));
        var titles = await TitlesAsync(lateCoordinator.Id);
        Assert.Equal(2, titles.Count);
        Assert.Contains("1", titles[1]);
        Assert.Empty(await TitlesAsync(doneCoordinator.Id)); // submitted: nothing to remind
        await RunAtAsync(due.AddHours(1));
        Assert.Equal(2, (await TitlesAsync(lateCoordinator.Id)).Count); // past the deadline: no more
    }

    private static async Task<Guid> EventAsync(HttpClient officer, DateTimeOffset registrationDeadline, int? capacity, string audience = "departments")
    {
        var response = await officer.PostAsJsonAsync("/api/v1/events", new
        {
            titleTh = "อบรมการเขียนรายงานผลการดำเนินการ", titleEn = "Writing the results report", description = "", kind = "workshop", audience,
            startsAt = registrationDeadline.AddDays(10), endsAt = registrationDeadline.AddDays(10).AddHours(3), place = "สำนักงาน ก.พ.ร.", onlineUrl = "",
            capacity, perOrganizationLimit = 2, registrationDeadline,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Seed.IdOf(response);
    }

    private Task<List<string>> EventTitlesAsync(Guid userId, Guid eventId) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link == $"/calendar/{eventId}").OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

    private static object OnePerson() => new[] { new { name = "สมชาย ใจดี", email = $"{Guid.NewGuid():N}@agency.go.th", position = "นักวิเคราะห์" } };

    [Fact]
    public async Task Organisations_in_the_audience_that_registered_nobody_are_reminded_before_registration_closes_once_each_in_their_language()
    {
        var admin = await app.AdminApiAsync();
        var quiet = await admin.OrganizationAsync();
        var thai = await admin.PersonAsync(quiet, "coordinator");
        var english = await admin.PersonAsync(quiet, "coordinator");
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == english.Id)).PreferredLanguage = "en"; return await db.SaveChangesAsync(); });
        var keen = await admin.OrganizationAsync();
        var keenCoordinator = await admin.PersonAsync(keen, "coordinator");
        var province = await admin.OrganizationAsync("province");
        var provinceCoordinator = await admin.PersonAsync(province, "coordinator");
        var closes = DateTimeOffset.UtcNow.AddDays(30);
        var eventId = await EventAsync(admin, closes, capacity: 10);
        var keenClient = await app.ApiAsync(keenCoordinator.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.Created, (await keenClient.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { organizationId = keen.Id, participants = OnePerson() })).StatusCode);

        await RunAtAsync(closes.AddDays(-8));
        Assert.Empty(await EventTitlesAsync(thai.Id, eventId)); // not yet
        await RunAtAsync(closes.AddDays(-6));
        await RunAtAsync(closes.AddDays(-5)); // a second run sends nothing more
        Assert.Equal(["อีก 7 วันปิดรับลงทะเบียน อบรมการเขียนรายงานผลการดำเนินการ"], await EventTitlesAsync(thai.Id, eventId));
        Assert.Equal(["Registration for Writing the results report closes in 7 days"], await EventTitlesAsync(english.Id, eventId));
        await RunAtAsync(closes.AddHours(-12));
        await RunAtAsync(closes.AddHours(-11));
        Assert.Equal("Registration for Writing the results report closes in 1 day", (await EventTitlesAsync(english.Id, eventId))[^1]);
        Assert.Equal(2, (await EventTitlesAsync(thai.Id, eventId)).Count);
        await RunAtAsync(closes.AddHours(1));
        Assert.Equal(2, (await EventTitlesAsync(thai.Id, eventId)).Count); // registration closed: no more
        Assert.Empty(await EventTitlesAsync(keenCoordinator.Id, eventId)); // it has registered someone
        Assert.Empty(await EventTitlesAsync(provinceCoordinator.Id, eventId)); // not the event's audience
    }

    [Fact]
    public async Task A_cancelled_event_or_one_whose_seats_are_all_taken_sends_no_registration_reminder()
    {
        var admin = await app.AdminApiAsync();
        var quiet = await admin.OrganizationAsync();
        var coordinator = await admin.PersonAsync(quiet, "coordinator");
        var keen = await admin.OrganizationAsync();
        var keenCoordinator = await admin.PersonAsync(keen, "coordinator");
        var closes = DateTimeOffset.UtcNow.AddDays(30);
        var cancelled = await EventAsync(admin, closes, capacity: 10);
        var read = await admin.GetAsync($"/api/v1/events/{cancelled}");
        var cancel = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/events/{cancelled}");
        cancel.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(cancel)).StatusCode);
        var full = await EventAsync(admin, closes, capacity: 1);
        var keenClient = await app.ApiAsync(keenCoordinator.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.Created, (await keenClient.PostAsJsonAsync($"/api/v1/events/{full}/registrations", new { organizationId = keen.Id, participants = OnePerson() })).StatusCode);

        await RunAtAsync(closes.AddDays(-6));
        await RunAtAsync(closes.AddHours(-12));
        Assert.Empty(await EventTitlesAsync(coordinator.Id, cancelled));
        Assert.Empty(await EventTitlesAsync(coordinator.Id, full));
    }

    [Fact]
    public async Task Plan_and_report_deadlines_remind_the_coordinators_who_have_not_sent_them_once_each()
    {
        var admin = await app.AdminApiAsync();
        var noPlan = await admin.OrganizationAsync();
        var noPlanCoordinator = await admin.PersonAsync(noPlan, "coordinator");
        var planned = await admin.OrganizationAsync();
        var plannedCoordinator = await admin.PersonAsync(planned, "coordinator");
        var roundId = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var planDue = DateTimeOffset.UtcNow.AddDays(30);
        var reportDue = planDue.AddDays(20);
        var plannedAssessment = Guid.Empty;
        await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == roundId);
            (round.PlanDeadline, round.Month6ReportDeadline) = (planDue, reportDue);
            foreach (var a in await db.Assessments.Where(a => a.RoundId == roundId && (a.OrganizationId == noPlan.Id || a.OrganizationId == planned.Id)).ToListAsync())
                (a.State, a.SubmittedAt) = (Pmqa.Domain.Assessments.AssessmentState.Submitted, planDue.AddDays(-60));
            plannedAssessment = (await db.Assessments.SingleAsync(a => a.RoundId == roundId && a.OrganizationId == planned.Id)).Id;
            db.ImprovementPlans.Add(new Pmqa.Data.Entities.ImprovementPlan
            {
                OrganizationId = planned.Id, AssessmentId = plannedAssessment, FiscalYear = round.FiscalYear, Horizon = Pmqa.Domain.Plans.PlanHorizon.OneYear,
                Status = Pmqa.Domain.Plans.PlanStatus.Approved, SubmittedAt = planDue.AddDays(-5), ApprovedAt = planDue.AddDays(-4),
                Summary = "แผน", CreatedAt = planDue.AddDays(-10), UpdatedAt = planDue.AddDays(-4),
            });
            return await db.SaveChangesAsync();
        });

        Task<List<string>> TitlesAsync(Guid userId, string link) =>
            app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link.Contains(link)).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

        await RunAtAsync(planDue.AddDays(-8));
        Assert.Empty(await TitlesAsync(noPlanCoordinator.Id, "/plans"));
        await RunAtAsync(planDue.AddDays(-6));
        await RunAtAsync(planDue.AddDays(-5));
        await RunAtAsync(planDue.AddHours(-12));
        var planTitles = await TitlesAsync(noPlanCoordinator.Id, "/plans");
        Assert.Equal(2, planTitles.Count);
        Assert.All(planTitles, t => Assert.Contains("แผนพัฒนาองค์การ", t));
        Assert.Empty(await TitlesAsync(plannedCoordinator.Id, "/plans")); // its plan went for approval: no plan reminder

        await RunAtAsync(reportDue.AddDays(-6));
        await RunAtAsync(reportDue.AddDays(-6).AddHours(1));
        var reportTitles = await TitlesAsync(plannedCoordinator.Id, "#reports-heading");
        Assert.Contains("7", Assert.Single(reportTitles));
        Assert.Empty(await TitlesAsync(noPlanCoordinator.Id, "#reports-heading")); // no approved plan: nothing to report on
    }

    [Fact]
    public void The_days_come_from_configuration_with_7_and_1_by_default()
    {
        Assert.Equal([7, 1], DeadlineReminders.DaysOf(null));
        Assert.Equal([14, 3], DeadlineReminders.DaysOf("3, 14"));
        Assert.Equal([7, 1], DeadlineReminders.DaysOf("x,-2"));
    }

    private async Task RunAtAsync(DateTimeOffset now)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        await new DeadlineReminders(services.GetRequiredService<PmqaDbContext>(), services.GetRequiredService<Notifier>(),
            services.GetRequiredService<Recipients>(), new At(now), services.GetRequiredService<IConfiguration>()).RunAsync();
    }
}

public sealed class DeadlineReminderTests_Sqlite(SqliteApp app) : DeadlineReminderTests(app), IClassFixture<SqliteApp>;
public sealed class DeadlineReminderTests_Postgres(PostgresApp app) : DeadlineReminderTests(app), IClassFixture<PostgresApp>;
