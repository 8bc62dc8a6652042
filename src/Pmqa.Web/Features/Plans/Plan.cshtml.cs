using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>
/// The plan editor and reader: summary, projects and actions (draft, coordinator), timeline and budget per year,
/// submission and approval, OPDC's comments and the agency's answers, follow-up reports. A refused save shows the
/// form again with what was typed and the message at the field.
/// </summary>
public sealed class PlanModel(PlanAccess access, PlanQueries queries, PlanCommands commands, PlanWorkflow workflow, PlanComments comments,
    PlanReports reports, AssessmentScores scores, PlanPdf pdf, Comparison.ComparisonQueries comparison) : PageModel
{
    public sealed class ProjectForm
    {
        public Guid? Id { get; set; }
        public string? Title { get; set; }
        public string? Objective { get; set; }
        public List<string> IssueCodes { get; set; } = [];
        public Guid? OwnerId { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? Budget { get; set; }
        public string? IndicatorName { get; set; }
        public string? IndicatorUnit { get; set; }
        public string? Baseline { get; set; }
        public string? Target { get; set; }
    }

    public sealed class ActionForm
    {
        public Guid? Id { get; set; }
        public Guid ProjectId { get; set; }
        public string? Title { get; set; }
        public Guid? OwnerId { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? Budget { get; set; }
    }

    public PlanView Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanComment { get; private set; }
    public bool CanAnswer { get; private set; }
    public List<(Guid Id, string Name)> Members { get; private set; } = [];
    /// <summary>The organisation's assessment of the year after the plan's assessment, whose comparison measures this plan.</summary>
    public Guid? NextAssessmentId { get; private set; }
    /// <summary>What the project form offers: the selected gaps first (marked), then the other issues below the top level.</summary>
    public List<(Issue Issue, decimal Score, MaturityLevel Level, bool Selected)> Issues { get; private set; } = [];
    public FrameworkPack Pack { get; private set; } = null!;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public ProjectForm Project { get; set; } = new();
    [BindProperty] public ActionForm Action { get; set; } = new();
    [BindProperty] public string? ApproverName { get; set; }
    [BindProperty] public string? ApproverPosition { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? CommentText { get; set; }
    [BindProperty] public Guid? CommentProjectId { get; set; }
    [BindProperty] public Guid? ReplyToId { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>Which form failed ("project:new", "project:{id}", "action:new:{projectId}", "action:{id}", "reply:{id}"…): it is drawn with what was typed.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId) => await LoadAsync(planId) ? Page() : NotFound();

    /// <summary>The plan with its follow-up as Excel (<c>?handler=Xlsx</c>).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid planId) =>
        await PlanExports.LoadAsync(queries, planId, Ct) is Outcome<(PlanView, List<ReportView>)>.Ok { Value: var (view, list) }
            ? File(PlanExports.Xlsx(view, list), PlanExports.XlsxContentType, PlanExports.FileName(view))
            : NotFound();

    /// <summary>The plan with its follow-up as an A4 PDF (<c>?handler=Pdf</c>).</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid planId) =>
        await pdf.PrintAsync(HttpContext, planId, Ct) is { } file ? File(file.Content, PlanPdf.ContentType, file.FileName) : NotFound();

    public Task<IActionResult> OnPostSummaryAsync(Guid planId) =>
        SaveAsync(planId, "summary", commands.UpdateSummaryAsync(planId, Version, new PlanSummaryInput(Summary), Ct), "", T("บันทึกแนวทางของแผนแล้ว", "The summary is saved."));

    public async Task<IActionResult> OnPostProjectAsync(Guid planId)
    {
        var key = Project.Id is { } id ? $"project:{id}" : "project:new";
        var input = ReadProject();
        if (input is null) return await RedrawAsync(planId, key);
        var change = Project.Id is { } pid ? commands.UpdateProjectAsync(planId, pid, Version, input, Ct) : commands.AddProjectAsync(planId, Version, input, Ct);
        return await SaveAsync(planId, key, change, "Project", T("บันทึกโครงการแล้ว", "The project is saved."));
    }

    public Task<IActionResult> OnPostDeleteProjectAsync(Guid planId, Guid projectId) =>
        SaveAsync(planId, $"project:{projectId}", commands.DeleteProjectAsync(planId, projectId, Version, Ct), "Project", T("ลบโครงการแล้ว", "The project is removed."));

    public async Task<IActionResult> OnPostActionAsync(Guid planId)
    {
        var key = Action.Id is { } id ? $"action:{id}" : $"action:new:{Action.ProjectId}";
        var input = ReadAction();
        if (input is null) return await RedrawAsync(planId, key);
        var change = Action.Id is { } aid
            ? commands.UpdateActionAsync(planId, Action.ProjectId, aid, Version, input, Ct)
            : commands.AddActionAsync(planId, Action.ProjectId, Version, input, Ct);
        return await SaveAsync(planId, key, change, "Action", T("บันทึกกิจกรรมแล้ว", "The action is saved."));
    }

    public Task<IActionResult> OnPostDeleteActionAsync(Guid planId, Guid projectId, Guid actionId) =>
        SaveAsync(planId, $"action:{actionId}", commands.DeleteActionAsync(planId, projectId, actionId, Version, Ct), "Action", T("ลบกิจกรรมแล้ว", "The action is removed."));

    public async Task<IActionResult> OnPostSubmitAsync(Guid planId) =>
        await StepAsync(planId, "workflow", (await workflow.SubmitAsync(planId, Ct)).Map(_ => Guid.Empty), "", T("ส่งแผนให้ผู้บริหารอนุมัติแล้ว", "The plan was sent to the executive."));

    public async Task<IActionResult> OnPostApproveAsync(Guid planId) =>
        await StepAsync(planId, "workflow", (await workflow.ApproveAsync(planId, new ApproveInput(ApproverName, ApproverPosition), Ct)).Map(_ => Guid.Empty),
            "Approver", T("อนุมัติแผนแล้ว แผนถูกส่งถึงสำนักงาน ก.พ.ร.", "The plan is approved and sent to OPDC."));

    public async Task<IActionResult> OnPostRejectAsync(Guid planId) =>
        await StepAsync(planId, "workflow", (await workflow.RejectAsync(planId, Reason, Ct)).Map(_ => Guid.Empty), "", T("ส่งแผนกลับให้ผู้ประสานงานแล้ว", "The plan was sent back."));

    public async Task<IActionResult> OnPostReviseAsync(Guid planId)
    {
        var outcome = await workflow.ReviseAsync(planId, Ct);
        if (outcome is Outcome<Guid>.Ok ok)
        {
            Message = T("จัดทำฉบับปรับปรุงแล้ว ฉบับที่อนุมัติยังเปิดอ่านได้", "A new version was made; the approved one stays readable.");
            return Redirect(PlanLinks.Page(ok.Value));
        }
        return await StepAsync(planId, "workflow", outcome, "", "");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid planId)
    {
        var key = ReplyToId is { } r ? $"reply:{r}" : "comment";
        return await StepAsync(planId, key, await comments.AddAsync(planId, null, new CommentInput(CommentText, CommentProjectId, ReplyToId), Ct), "Comment",
            T("บันทึกความเห็นแล้ว", "The comment is posted."), "#comments");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid planId, string period)
    {
        var outcome = await reports.CreateAsync(planId, period, Ct);
        if (outcome is Outcome<Guid>.Ok ok) return Redirect(PlanLinks.Report(planId, ok.Value));
        return await StepAsync(planId, "reports", outcome, "", "");
    }

    private CancellationToken Ct => HttpContext.RequestAborted;

    private static string T(string th, string en) => Bilingual.T(th, en);

    private async Task<IActionResult> SaveAsync(Guid planId, string key, Task<Outcome<Saved>> change, string prefix, string done) =>
        await StepAsync(planId, key, (await change).Map(s => s.Id), prefix, done);

    private async Task<IActionResult> StepAsync<TValue>(Guid planId, string key, Outcome<TValue> outcome, string prefix, string done, string anchor = "")
    {
        switch (outcome)
        {
            case Outcome<TValue>.Ok:
                Message = done;
                return Redirect(PlanLinks.Page(planId) + anchor);
            case Outcome<TValue>.NotFound:
                return NotFound();
            case Outcome<TValue>.Invalid invalid:
                // "Comment" fields map to the comment box; the rest to the form's own inputs.
                if (prefix == "Comment") foreach (var (_, m) in invalid.Errors.All) ModelState.AddModelError("CommentText", m.ToString());
                else if (prefix == "Approver") foreach (var (f, m) in invalid.Errors.All) ModelState.AddModelError(f == "name" ? "ApproverName" : f == "position" ? "ApproverPosition" : "Reason", m.ToString());
                else if (prefix == "") foreach (var (f, m) in invalid.Errors.All) ModelState.AddModelError(f == "reason" ? "Reason" : f == "summary" ? "Summary" : "", m.ToString());
                else invalid.Errors.AddTo(ModelState, prefix);
                break;
            case Outcome<TValue>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                break;
            case Outcome<TValue>.Forbidden f:
                ModelState.AddModelError("", f.Message.ToString());
                break;
        }
        return await RedrawAsync(planId, key);
    }

    private async Task<IActionResult> RedrawAsync(Guid planId, string key)
    {
        FailedForm = key;
        access.Forget();
        return await LoadAsync(planId) ? Page() : NotFound();
    }

    private ProjectInput? ReadProject()
    {
        var ok = PlanDates.TryParse(Project.StartDate, out var start) & PlanDates.TryParse(Project.EndDate, out var end);
        if (!PlanDates.TryParse(Project.StartDate, out _)) ModelState.AddModelError("Project.StartDate", NotADate);
        if (!PlanDates.TryParse(Project.EndDate, out _)) ModelState.AddModelError("Project.EndDate", NotADate);
        var budget = Number("Project.Budget", Project.Budget, ref ok);
        var baseline = Number("Project.Baseline", Project.Baseline, ref ok);
        var target = Number("Project.Target", Project.Target, ref ok);
        return ok ? new ProjectInput(Project.Title, Project.Objective, Project.IssueCodes, Project.OwnerId, start, end, budget, Project.IndicatorName,
            Project.IndicatorUnit, baseline, target) : null;
    }

    private ActionInput? ReadAction()
    {
        var ok = PlanDates.TryParse(Action.StartDate, out var start) & PlanDates.TryParse(Action.EndDate, out var end);
        if (!PlanDates.TryParse(Action.StartDate, out _)) ModelState.AddModelError("Action.StartDate", NotADate);
        if (!PlanDates.TryParse(Action.EndDate, out _)) ModelState.AddModelError("Action.EndDate", NotADate);
        var budget = Number("Action.Budget", Action.Budget, ref ok);
        return ok ? new ActionInput(Action.Title, Action.OwnerId, start, end, budget) : null;
    }

    private static string NotADate => T("วันที่ไม่ถูกต้อง (วัน/เดือน/ปี)", "Not a date (day/month/year).");

    private decimal? Number(string field, string? text, ref bool ok)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Replace(",", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        ModelState.AddModelError(field, T("กรุณากรอกตัวเลข", "Enter a number."));
        ok = false;
        return null;
    }

    private async Task<bool> LoadAsync(Guid planId)
    {
        if (await queries.GetAsync(planId, Ct) is not Outcome<PlanView>.Ok { Value: var view }) return false;
        Plan = view;
        var plan = ((Outcome<ImprovementPlan>.Ok)await access.FindAsync(planId, PlanPermission.View, Ct)).Value;
        CanEdit = await access.FindAsync(planId, PlanPermission.Edit, Ct) is Outcome<ImprovementPlan>.Ok;
        CanApprove = await access.FindAsync(planId, PlanPermission.Approve, Ct) is Outcome<ImprovementPlan>.Ok;
        CanAnswer = await access.FindAsync(planId, PlanPermission.Answer, Ct) is Outcome<ImprovementPlan>.Ok;
        CanComment = !CanAnswer && await access.FindAsync(planId, PlanPermission.Comment, Ct) is Outcome<ImprovementPlan>.Ok;
        Members = await queries.MembersAsync(plan.OrganizationId, Ct);
        NextAssessmentId = await comparison.NextAssessmentAsync(plan.AssessmentId, Ct);
        var (pack, card) = await scores.CardAsync(plan.Assessment!, Ct);
        Pack = pack;
        Issues = PlanQueries.IssuesToImprove(pack, card, await queries.SelectedGapsAsync(plan.AssessmentId, Ct));
        // A failed save keeps the typed values; anything else shows what is stored.
        if (FailedForm is null) { Version = view.Version; Summary = view.Summary; }
        else Version = view.Version;
        return true;
    }

    public bool IsDraft => Plan.Status == "draft";

    public string IssueName(string code) => Pack.FindIssue(code) is { } i ? (Bilingual.IsThai ? i.NameTh : i.NameEn) : "";

    /// <summary>The project form's values: what was typed (after a refused save) or what is stored.</summary>
    public ProjectForm ProjectValues(ProjectView? p)
    {
        var key = p is null ? "project:new" : $"project:{p.Id}";
        if (FailedForm == key) return Project;
        var thai = Bilingual.IsThai;
        return p is null ? new ProjectForm() : new ProjectForm
        {
            Id = p.Id, Title = p.Title, Objective = p.Objective, IssueCodes = [.. p.IssueCodes], OwnerId = p.OwnerId,
            StartDate = PlanDates.Format(p.StartDate, thai), EndDate = PlanDates.Format(p.EndDate, thai), Budget = p.Budget.ToString("0.##", CultureInfo.InvariantCulture),
            IndicatorName = p.IndicatorName, IndicatorUnit = p.IndicatorUnit, Baseline = p.Baseline?.ToString("0.####", CultureInfo.InvariantCulture),
            Target = p.Target?.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }

    public ActionForm ActionValues(Guid projectId, ActionView? a)
    {
        var key = a is null ? $"action:new:{projectId}" : $"action:{a.Id}";
        if (FailedForm == key) return Action;
        var thai = Bilingual.IsThai;
        return a is null ? new ActionForm { ProjectId = projectId } : new ActionForm
        {
            Id = a.Id, ProjectId = projectId, Title = a.Title, OwnerId = a.OwnerId, StartDate = PlanDates.Format(a.StartDate, thai),
            EndDate = PlanDates.Format(a.EndDate, thai), Budget = a.Budget.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Model-state errors of the form that failed only (the same names appear in every project's form).</summary>
    public string? ErrorOf(string key, string field) =>
        FailedForm == key && ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
