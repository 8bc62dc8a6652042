using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Plans;

public abstract class PlanApiTests(PmqaApp app)
{
    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_plan_goes_from_draft_to_approved_with_OPDC_comments_and_the_agency_answering()
    {
        var s = await app.DraftPlanAsync();
        var (project, action) = await s.AddProjectAsync();
        var plan = await s.PlanAsync();
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal(250_000m, plan.GetProperty("totalBudget").GetDecimal());
        var years = plan.GetProperty("budgetByYear").EnumerateArray().ToList();
        Assert.Equal(2570, Assert.Single(years).GetProperty("fiscalYear").GetInt32());
        var listedAction = plan.GetProperty("projects")[0].GetProperty("actions")[0];
        Assert.Equal(action, listedAction.GetProperty("id").GetGuid());
        Assert.Equal("notStarted", listedAction.GetProperty("status").GetString());

        // OPDC cannot comment on a draft; the executive cannot approve before submission.
        Assert.Equal(HttpStatusCode.Conflict, (await s.Review.OfficerApi.PostAsJsonAsync(s.Url("/comments"), new { text = "ขอรายละเอียด" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Team.Executive.PostAsJsonAsync(s.Url("/approve"), new { name = "ก", position = "ข" })).StatusCode);
        // Only the executive approves.
        Assert.Equal(HttpStatusCode.OK, (await s.Team.Coordinator.PostAsync(s.Url("/submit"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Team.Coordinator.PostAsJsonAsync(s.Url("/approve"), new { name = "ก", position = "ข" })).StatusCode);
        Assert.Equal("กรุณาระบุตำแหน่งผู้อนุมัติ", await FieldErrorAsync(await s.Team.Executive.PostAsJsonAsync(s.Url("/approve"), new { name = "นายสมชาย" }), "position"));
        Assert.Equal(HttpStatusCode.OK, (await s.Team.Executive.PostAsJsonAsync(s.Url("/approve"), new { name = "นายสมชาย ใจดี", position = "อธิบดี" })).StatusCode);
        plan = await s.PlanAsync();
        Assert.Equal("approved", plan.GetProperty("status").GetString());
        Assert.Equal("อธิบดี", plan.GetProperty("approverPosition").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, plan.GetProperty("approvedAt").ValueKind);

        // An approved plan is frozen.
        var frozen = await s.Team.Coordinator.SendVersionedAsync(HttpMethod.Put, s.Url(), new { summary = "แก้" }, await s.Team.Coordinator.ETagAsync(s.Url()));
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);

        // The assessment's lead reviewer comments on the project; the agency cannot start a thread, but answers it.
        Assert.Equal(HttpStatusCode.OK, (await s.Review.AssignAsync()).StatusCode);
        var comment = await s.Review.LeadApi.PostAsJsonAsync(s.Url("/comments"), new { text = "ตัวชี้วัดควรวัดผลลัพธ์", projectId = project });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var commentId = await Seed.IdOf(comment);
        Assert.Equal("replyToId", (await (await s.Team.Coordinator.PostAsJsonAsync(s.Url("/comments"), new { text = "ตอบ" })).JsonAsync())
            .GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Equal(HttpStatusCode.Created, (await s.Team.Coordinator.PostAsJsonAsync(s.Url("/comments"), new { text = "ปรับตัวชี้วัดแล้ว", replyToId = commentId })).StatusCode);
        var comments = (await s.PlanAsync(s.Review.OfficerApi)).GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        Assert.False(comments[0].GetProperty("fromAgency").GetBoolean());
        Assert.Equal(project, comments[1].GetProperty("projectId").GetGuid());
        Assert.True(comments[1].GetProperty("fromAgency").GetBoolean());

        // Every step is in the audit trail of the organisation.
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ImprovementPlan" && e.OrganizationId == s.Team.Org.Id));
        Assert.True(audited >= 4, $"only {audited} audit entries");
    }

    [Fact]
    public async Task Edits_need_the_plan_ETag_and_a_stale_one_is_refused()
    {
        var s = await app.DraftPlanAsync();
        var c = s.Team.Coordinator;
        var etag = await c.ETagAsync(s.Url());
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await c.SendVersionedAsync(HttpMethod.Put, s.Url(), new { summary = "ก" }, null)).StatusCode);
        var first = await c.SendVersionedAsync(HttpMethod.Put, s.Url(), new { summary = "แนวทางการพัฒนา" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await c.SendVersionedAsync(HttpMethod.Post, s.Url("/projects"), PlanSeed.Project(s.CoordinatorId), etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Empty((await s.PlanAsync()).GetProperty("projects").EnumerateArray());
        Assert.Equal("แนวทางการพัฒนา", (await s.PlanAsync()).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Bad_projects_and_actions_are_refused_at_the_field_in_Thai_and_English()
    {
        var s = await app.DraftPlanAsync();
        var c = s.Team.Coordinator;
        async Task<HttpResponseMessage> Post(object body) => await c.SendVersionedAsync(HttpMethod.Post, s.Url("/projects"), body, await c.ETagAsync(s.Url()));

        Assert.Equal("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", await FieldErrorAsync(await Post(PlanSeed.Project(s.CoordinatorId, start: "2027-03-01", end: "2027-02-01")), "endDate"));
        Assert.Equal("งบประมาณต้องไม่ติดลบ", await FieldErrorAsync(await Post(PlanSeed.Project(s.CoordinatorId, budget: -1)), "budget"));
        Assert.Equal("ผู้รับผิดชอบต้องเป็นบุคลากรของหน่วยงาน", await FieldErrorAsync(await Post(PlanSeed.Project(s.Review.Officer.Id)), "ownerId"));
        await FieldErrorAsync(await Post(PlanSeed.Project(s.CoordinatorId, start: "2027-09-01", end: "2027-10-15")), "startDate");
        await FieldErrorAsync(await Post(PlanSeed.Project(s.CoordinatorId, issues: ["9.9"])), "issueCodes");

        c.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("The budget cannot be negative.", await FieldErrorAsync(await Post(PlanSeed.Project(s.CoordinatorId, budget: -5)), "budget"));
        c.DefaultRequestHeaders.AcceptLanguage.Clear();

        var (project, _) = await s.AddProjectAsync(withAction: false);
        var outside = await c.SendVersionedAsync(HttpMethod.Post, s.Url($"/projects/{project}/actions"),
            PlanSeed.Action(s.CoordinatorId, start: "2026-10-15", end: "2026-11-15"), await c.ETagAsync(s.Url()));
        await FieldErrorAsync(outside, "startDate");
    }

    [Fact]
    public async Task A_six_month_report_with_evidence_updates_the_actions_and_OPDC_sees_it_in_the_round_table()
    {
        var s = await app.DraftPlanAsync();
        var (_, action) = await s.AddProjectAsync();
        await s.ApproveAsync();
        var c = s.Team.Coordinator;
        var evidence = await app.WithDbAsync(async db =>
        {
            var e = new Pmqa.Data.Entities.Evidence { AssessmentId = s.Team.AssessmentId, Sha256 = new string('a', 64), FileName = "ภาพการอบรม.pdf", ContentType = "application/pdf", Length = 10, UploadedAt = DateTimeOffset.UtcNow, UploadedBy = "x" };
            db.Evidence.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

        var created = await c.PostAsJsonAsync(s.Url("/reports"), new { period = "month6" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await Seed.IdOf(created);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostAsJsonAsync(s.Url("/reports"), new { period = "month6" })).StatusCode);
        var url = s.Url($"/reports/{report}");

        var bad = await c.SendVersionedAsync(HttpMethod.Put, url, new { actions = new[] { new { actionId = action, status = "inProgress", progress = 120, narrative = "", evidenceIds = Array.Empty<Guid>() } } }, await c.ETagAsync(url));
        Assert.Equal("ความก้าวหน้าต้องอยู่ระหว่างร้อยละ 0 ถึง 100", await FieldErrorAsync(bad, "actions[0].progress"));
        var saved = await c.SendVersionedAsync(HttpMethod.Put, url, new { actions = new[] { new { actionId = action, status = "done", progress = 100, narrative = "อบรมครบ 120 คน", evidenceIds = new[] { evidence } } } }, await c.ETagAsync(url));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsync(url + "/submit", null)).StatusCode);

        var read = await (await s.Review.OfficerApi.GetAsync(url)).JsonAsync();
        Assert.Equal(evidence, read.GetProperty("actions")[0].GetProperty("evidenceIds")[0].GetGuid());
        Assert.Equal("done", (await s.PlanAsync()).GetProperty("projects")[0].GetProperty("actions")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await s.Review.OfficerApi.PostAsJsonAsync(url + "/comments", new { text = "ดีมาก" })).StatusCode);

        var table = await (await s.Review.OfficerApi.GetAsync($"/api/v1/rounds/{s.Team.RoundId}/plans")).JsonAsync();
        var row = table.EnumerateArray().Single(r => r.GetProperty("organizationId").GetGuid() == s.Team.Org.Id);
        Assert.Equal("approved", row.GetProperty("status").GetString());
        Assert.Equal(250_000m, row.GetProperty("approvedBudget").GetDecimal());
        Assert.Equal(1, row.GetProperty("done").GetInt32());
        Assert.Equal("month6", row.GetProperty("reportsSubmitted")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/rounds/{s.Team.RoundId}/plans")).StatusCode);

        // The Excel export: the header row frozen, budgets and the reported progress as numbers.
        var xlsx = await c.GetAsync(s.Url("/export.xlsx"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().State!.Value);
        var cells = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(x => x.CellReference!.Value!);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, cells["F2"].DataType!.Value);
        Assert.Equal(250_000m, decimal.Parse(cells["F2"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("100", cells["N2"].CellValue!.Text);
        Assert.Equal("อบรมครบ 120 คน", cells["O2"].InlineString!.InnerText);
    }

    [Fact]
    public async Task Revising_an_approved_plan_keeps_the_approved_version_readable()
    {
        var s = await app.DraftPlanAsync();
        await s.AddProjectAsync();
        await s.ApproveAsync();
        var revised = await s.Team.Coordinator.PostAsync(s.Url("/revise"), null);
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var v2 = await Seed.IdOf(revised);
        var url2 = $"/api/v1/plans/{v2}";
        var deleteProject = (await (await s.Team.Coordinator.GetAsync(url2)).JsonAsync()).GetProperty("projects")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await s.Team.Coordinator.SendVersionedAsync(HttpMethod.Delete, $"{url2}/projects/{deleteProject}", null, await s.Team.Coordinator.ETagAsync(url2))).StatusCode);
        var old = await s.PlanAsync();
        Assert.Equal("approved", old.GetProperty("status").GetString());
        Assert.Single(old.GetProperty("projects").EnumerateArray());
        Assert.Equal(2, old.GetProperty("versions").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Team.Coordinator.PostAsync(s.Url("/revise"), null)).StatusCode);
    }

    [Fact]
    public async Task Another_agency_sees_nothing_and_submission_after_the_plan_deadline_is_refused()
    {
        var s = await app.DraftPlanAsync();
        await s.AddProjectAsync();
        var other = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync(s.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.PostAsync(s.Url("/submit"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/api/v1/organizations/{s.Team.Org.Id}/plans")).StatusCode);

        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == s.Team.RoundId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.PlanDeadline, DateTimeOffset.UtcNow.AddDays(-1))));
        var late = await s.Team.Coordinator.PostAsync(s.Url("/submit"), null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("เลยกำหนดส่งแผน", await late.Content.ReadAsStringAsync());
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == s.Team.RoundId).ExecuteUpdateAsync(u => u.SetProperty(r => r.PlanDeadline, (DateTimeOffset?)null)));
    }

    [Fact]
    public async Task A_late_action_is_notified_to_its_owner_and_the_coordinator_once()
    {
        var s = await app.DraftPlanAsync();
        var (_, action) = await s.AddProjectAsync();
        await s.ApproveAsync();
        // Its end date was yesterday in Bangkok.
        var yesterday = DateOnly.FromDateTime(Pmqa.Domain.Time.ThaiTime.ToBangkok(DateTimeOffset.UtcNow)).AddDays(-1);
        await app.WithDbAsync(db => db.ProjectActions.Where(a => a.Id == action).ExecuteUpdateAsync(u => u.SetProperty(a => a.EndDate, yesterday)));
        Assert.Equal("late", (await s.PlanAsync()).GetProperty("projects")[0].GetProperty("actions")[0].GetProperty("standing").GetString());

        async Task<int> RunAsync()
        {
            await using var scope = app.Scope();
            return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Pmqa.Web.Features.Plans.PlanReminders>(scope.ServiceProvider).RunAsync();
        }
        Assert.True(await RunAsync() >= 1);
        await RunAsync();
        var link = $"/plans/{s.PlanId}";
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.Title.StartsWith("กิจกรรมล่าช้า")).Select(n => n.UserId).ToListAsync());
        Assert.Equal([s.CoordinatorId], told);
    }
}

public sealed class PlanApiTests_Sqlite(SqliteApp app) : PlanApiTests(app), IClassFixture<SqliteApp>;
public sealed class PlanApiTests_Postgres(PostgresApp app) : PlanApiTests(app), IClassFixture<PostgresApp>;
