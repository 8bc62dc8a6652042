using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>Progress of one category on the assessment's home page.</summary>
public sealed record CategoryProgress(Category Category, decimal Score, int Issues, int Answered, int Explained, int IndicatorsComplete, int ResultsIssues, int WithEvidence);

/// <summary>The assessment's home page: progress, live score, radar chart, and the submission steps.</summary>
public sealed class HomeModel(AssessmentAccess access, AssessmentScores scores, AssessmentTransitions transitions, CopyForward copyForward,
    CategoryAssignments assignments, Organizations.OrganizationQueries organizations, Pmqa.Data.PmqaDbContext db, CurrentUser me, PersonNames names) : PageModel
{
    public sealed class ApprovalInput
    {
        public string? Name { get; set; }
        public string? Position { get; set; }
    }

    public Assessment Assessment { get; private set; } = null!;
    public FrameworkPack Pack { get; private set; } = null!;
    public ScoreCard Card { get; private set; } = null!;
    public IReadOnlyList<CategoryProgress> Progress { get; private set; } = [];
    public IReadOnlyDictionary<string, IssueAnswer> Answers { get; private set; } = new Dictionary<string, IssueAnswer>();
    public IssueAnswer? LastChange { get; private set; }
    /// <summary>Every step of the assessment's life, newest first: who, when, from, to, why.</summary>
    public IReadOnlyList<AssessmentTransition> History { get; private set; } = [];
    public IReadOnlyList<Incomplete> IncompleteItems { get; private set; } = [];
    /// <summary>The people named on the page (who saved, who moved the assessment), by the e-mail the records keep.</summary>
    public IReadOnlyDictionary<string, PersonName> People { get; private set; } = new Dictionary<string, PersonName>();
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanReopen { get; private set; }
    /// <summary>OPDC's view (review teams, site visits) and the review team's.</summary>
    public bool IsOfficer { get; private set; }
    public bool OnReviewTeam { get; private set; }
    /// <summary>Last year's assessment this one can start from, offered while nothing has been answered.</summary>
    public Assessment? CopySource { get; private set; }
    public IReadOnlyDictionary<string, AssignmentView> Assignments { get; private set; } = new Dictionary<string, AssignmentView>();
    /// <summary>The agency's category owners, offered to the coordinator for each category.</summary>
    public IReadOnlyList<Organizations.MemberRow> CategoryOwners { get; private set; } = [];
    [BindProperty] public ApprovalInput Approval { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId) => await LoadAsync(assessmentId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid assessmentId)
    {
        var outcome = await transitions.SubmitAsync(assessmentId);
        if (outcome is Outcome<AssessmentTransitions.Receipt>.Invalid && await transitions.ListIncompleteAsync(assessmentId) is Outcome<IReadOnlyList<Incomplete>>.Ok list)
        {
            IncompleteItems = list.Value;
            return await LoadAsync(assessmentId) ? Page() : NotFound();
        }
        return await After(assessmentId, outcome, Bilingual.T("ส่งให้ผู้บริหารอนุมัติแล้ว", "Sent to the executive for approval."));
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid assessmentId) =>
        await After(assessmentId, await transitions.ApproveAsync(assessmentId, Approval.Name, Approval.Position),
            Bilingual.T("อนุมัติและส่งผลการประเมินแล้ว", "Approved and submitted."), "Approval");

    public async Task<IActionResult> OnPostRejectAsync(Guid assessmentId) =>
        await After(assessmentId, await transitions.RejectAsync(assessmentId, Reason),
            Bilingual.T("ส่งกลับให้หน่วยงานแก้ไขแล้ว", "Sent back to the team."), "");

    public async Task<IActionResult> OnPostReopenAsync(Guid assessmentId) =>
        await After(assessmentId, await transitions.ReopenAsync(assessmentId, Reason),
            Bilingual.T("เปิดให้หน่วยงานแก้ไขแล้ว", "Reopened for the agency."), "");

    public async Task<IActionResult> OnPostAssignAsync(Guid assessmentId, string category, Guid? userId)
    {
        switch (await assignments.AssignAsync(assessmentId, category, userId))
        {
            case Outcome<bool>.Ok:
                Message = Bilingual.T($"มอบหมายหมวด {category} แล้ว", $"Category {category} assigned.");
                return RedirectToPage(new { assessmentId });
            case Outcome<bool>.Invalid invalid: ModelState.AddModelError("", invalid.Errors.All[0].Message.ToString()); break;
            case Outcome<bool>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
            default: return NotFound();
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCopyForwardAsync(Guid assessmentId)
    {
        switch (await copyForward.HandleAsync(assessmentId))
        {
            case Outcome<CopyForward.Result>.Ok ok:
                Message = Bilingual.T($"คัดลอกคำตอบ {ok.Value.IssuesCopied} ประเด็นจากปีงบประมาณ {ok.Value.FromFiscalYear} แล้ว กรุณากรอกผลการดำเนินงานปีปัจจุบันของตัวชี้วัด",
                    $"Copied {ok.Value.IssuesCopied} issues from fiscal year {ok.Value.FromFiscalYear}; enter this year's indicator results.");
                return RedirectToPage(new { assessmentId });
            case Outcome<CopyForward.Result>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            case Outcome<CopyForward.Result>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
            default: return NotFound();
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    private async Task<IActionResult> After(Guid assessmentId, Outcome<AssessmentTransitions.Receipt> outcome, string done, string prefix = "")
    {
        switch (outcome)
        {
            case Outcome<AssessmentTransitions.Receipt>.Ok:
                Message = done;
                return RedirectToPage(new { assessmentId });
            case Outcome<AssessmentTransitions.Receipt>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All)
                    ModelState.AddModelError(field == "reason" ? "Reason" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", message.ToString());
                break;
            case Outcome<AssessmentTransitions.Receipt>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            case Outcome<AssessmentTransitions.Receipt>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
            default: return NotFound();
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.View) is not Outcome<Assessment>.Ok ok) return false;
        Assessment = ok.Value;
        var (pack, card) = await scores.CardAsync(Assessment);
        (Pack, Card) = (pack, card);
        // Who saved what and when, and whether any level is explained: the stored card has the scores, so
        // the answers' documents (explanations up to 20,000 characters per level) are not read here.
        var answers = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.IssueAnswers.Where(a => a.AssessmentId == assessmentId)
                .Select(a => new { a.IssueCode, a.UpdatedAt, a.UpdatedBy, Explained = a.ExplanationsJson != "{}" })))
            .Select(a => (Row: new IssueAnswer { IssueCode = a.IssueCode, UpdatedAt = a.UpdatedAt, UpdatedBy = a.UpdatedBy }, a.Explained)).ToList();
        var explained = answers.Where(a => a.Explained).Select(a => a.Row.IssueCode).ToHashSet();
        Answers = answers.ToDictionary(a => a.Row.IssueCode, a => a.Row);
        LastChange = Answers.Values.MaxBy(a => a.UpdatedAt);
        History = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AssessmentTransitions.Where(t => t.AssessmentId == assessmentId).OrderByDescending(t => t.At));
        var issueScores = card.Issues.ToDictionary(i => i.Code);
        var evidenced = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.EvidenceLinks.Where(l => db.Evidence.Any(e => e.Id == l.EvidenceId && e.AssessmentId == assessmentId && e.RemovedAt == null))
                .Select(l => l.IssueCode).Distinct())).ToHashSet();
        Progress = pack.Categories.Select(c => new CategoryProgress(c,
            card.Categories.First(s => s.Code == c.Code).Rounded, c.Issues.Count,
            c.Issues.Count(i => Answers.ContainsKey(i.Code)),
            c.Issues.Count(i => i.Kind == IssueKind.Process && explained.Contains(i.Code)),
            c.Issues.Count(i => i.Kind == IssueKind.Results && issueScores[i.Code].Complete),
            c.Issues.Count(i => i.Kind == IssueKind.Results),
            c.Issues.Count(i => evidenced.Contains(i.Code)))).ToList();
        var org = Assessment.OrganizationId;
        var draft = Assessment.State == AssessmentState.Draft;
        CanEdit = draft && await me.HasRoleInAsync(org, Role.Coordinator, Role.CategoryOwner);
        CanSubmit = draft && await me.HasRoleInAsync(org, Role.Coordinator);
        CanApprove = Assessment.State == AssessmentState.AwaitingApproval && await me.HasRoleInAsync(org, Role.Executive);
        CanReopen = Assessment.State is AssessmentState.Submitted or AssessmentState.AwaitingApproval && await me.SeesAllOrganizationsAsync();
        IsOfficer = await me.SeesAllOrganizationsAsync();
        OnReviewTeam = await me.ReviewsAssessmentAsync(assessmentId);
        CopySource = CanEdit && Answers.Count == 0 ? await copyForward.SourceAsync(Assessment) : null;
        Assignments = (await assignments.ListAsync(assessmentId)).ToDictionary(x => x.CategoryCode);
        CategoryOwners = CanSubmit ? (await organizations.MembersAsync(org)).Where(m => m.Role == Role.CategoryOwner).ToList() : [];
        People = await names.ResolveAsync(Answers.Values.Select(x => x.UpdatedBy).Concat(History.Select(t => t.By)));
        return true;
    }

    /// <summary>A person's name for display; the text itself when it is not an account's e-mail (e.g. "system").</summary>
    public string NameOf(string? email) => email is null ? "" : People.GetValueOrDefault(email)?.Display ?? email;
}
