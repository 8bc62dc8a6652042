using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>A 6- or 12-month report: the coordinator writes each action's status, progress, narrative and picks evidence
/// files of the plan's assessment; at 12 months each project's result; then submits. OPDC comments, the agency answers.</summary>
public sealed class ReportModel(PlanAccess access, PlanQueries queries, PlanReports reports, PlanComments comments, PmqaDbContext db) : PageModel
{
    public sealed class EntryForm
    {
        public Guid ActionId { get; set; }
        public string? Status { get; set; }
        public string? Progress { get; set; }
        public string? Narrative { get; set; }
        public List<Guid> EvidenceIds { get; set; } = [];
    }

    public sealed class ResultForm
    {
        public Guid ProjectId { get; set; }
        public string? Actual { get; set; }
        public string? Narrative { get; set; }
    }

    public ReportView Report { get; private set; } = null!;
    public PlanView Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanComment { get; private set; }
    public bool CanAnswer { get; private set; }
    public List<(Guid Id, string FileName)> Evidence { get; private set; } = [];
    public string? FailedForm { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<EntryForm> Entries { get; set; } = [];
    [BindProperty] public List<ResultForm> Results { get; set; } = [];
    [BindProperty] public string? CommentText { get; set; }
    [BindProperty] public Guid? ReplyToId { get; set; }
    [TempData] public string? Message { get; set; }

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid reportId) => await LoadAsync(planId, reportId, fresh: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid planId, Guid reportId, bool submit = false)
    {
        var ok = true;
        var actions = Entries.Select((e, i) =>
        {
            int? progress = null;
            if (int.TryParse(e.Progress?.Trim(), out var p)) progress = p;
            else if (!string.IsNullOrWhiteSpace(e.Progress)) { ModelState.AddModelError($"actions[{i}].progress", Bilingual.T("กรุณากรอกตัวเลข 0–100", "Enter a number from 0 to 100.")); ok = false; }
            return new ReportActionInput(e.ActionId, e.Status, progress, e.Narrative, e.EvidenceIds);
        }).ToList();
        var results = Results.Select((r, i) =>
        {
            decimal? actual = null;
            if (decimal.TryParse(r.Actual?.Replace(",", "").Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a)) actual = a;
            else if (!string.IsNullOrWhiteSpace(r.Actual)) { ModelState.AddModelError($"results[{i}].actual", Bilingual.T("กรุณากรอกตัวเลข", "Enter a number.")); ok = false; }
            return new ReportResultInput(r.ProjectId, actual, r.Narrative);
        }).ToList();
        if (ok)
        {
            var saved = await reports.UpdateAsync(planId, reportId, Version, new ReportInput(actions, results), Ct);
            if (saved is Outcome<Saved>.Ok && submit) saved = await reports.SubmitAsync(planId, reportId, Ct);
            switch (saved)
            {
                case Outcome<Saved>.Ok:
                    Message = submit ? Bilingual.T("ส่งรายงานแล้ว", "The report is submitted.") : Bilingual.T("บันทึกรายงานแล้ว", "The report is saved.");
                    return Redirect(PlanLinks.Report(planId, reportId));
                case Outcome<Saved>.NotFound: return NotFound();
                case Outcome<Saved>.Invalid invalid: invalid.Errors.AddByApiName(ModelState); break;
                case Outcome<Saved>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
                case Outcome<Saved>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
            }
        }
        FailedForm = "report";
        return await LoadAsync(planId, reportId, fresh: false) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid planId, Guid reportId)
    {
        var outcome = await comments.AddAsync(planId, reportId, new CommentInput(CommentText, null, ReplyToId), Ct);
        switch (outcome)
        {
            case Outcome<Guid>.Ok:
                Message = Bilingual.T("บันทึกความเห็นแล้ว", "The comment is posted.");
                return Redirect(PlanLinks.Report(planId, reportId) + "#comments");
            case Outcome<Guid>.NotFound: return NotFound();
            case Outcome<Guid>.Invalid invalid: foreach (var (_, m) in invalid.Errors.All) ModelState.AddModelError("CommentText", m.ToString()); break;
            case Outcome<Guid>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            case Outcome<Guid>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
        }
        FailedForm = ReplyToId is { } r ? $"reply:{r}" : "comment";
        return await LoadAsync(planId, reportId, fresh: true) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid planId, Guid reportId, bool fresh)
    {
        if (await queries.ReportAsync(planId, reportId, Ct) is not Outcome<ReportView>.Ok { Value: var report }) return false;
        Report = report;
        Plan = ((Outcome<PlanView>.Ok)await queries.GetAsync(planId, Ct)).Value;
        CanEdit = report.SubmittedAt is null && await access.FindAsync(planId, PlanPermission.Edit, Ct) is Outcome<ImprovementPlan>.Ok;
        CanAnswer = await access.FindAsync(planId, PlanPermission.Answer, Ct) is Outcome<ImprovementPlan>.Ok;
        CanComment = !CanAnswer && await access.FindAsync(planId, PlanPermission.Comment, Ct) is Outcome<ImprovementPlan>.Ok;
        Evidence = (await db.Evidence.AsNoTracking().Where(e => e.AssessmentId == Plan.AssessmentId && e.RemovedAt == null)
            .Select(e => new { e.Id, e.FileName }).ToListAsync(Ct)).Select(e => (e.Id, e.FileName)).OrderBy(e => e.FileName).ToList();
        Version = report.Version;
        if (fresh || Entries.Count != report.Actions.Count)
        {
            Entries = report.Actions.Select(a => new EntryForm
            {
                ActionId = a.ActionId, Status = a.Status, Progress = a.Progress.ToString(), Narrative = a.Narrative, EvidenceIds = [.. a.EvidenceIds],
            }).ToList();
            Results = report.Results.Select(r => new ResultForm
            {
                ProjectId = r.ProjectId, Actual = r.Actual?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), Narrative = r.Narrative,
            }).ToList();
        }
        return true;
    }

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    public CommentBox Comments() =>
        new(Report.Comments, [], CanComment && Report.SubmittedAt is not null, CanAnswer, FailedForm, CommentText, ModelState);
}
