using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Evidence;

/// <summary>
/// All of an assessment's evidence: which issues each file supports, and (for the agency's coordinator and
/// category owners, while it is a draft) uploading, linking, unlinking and removing. The evidence panel on an
/// issue's page posts here with a <c>returnUrl</c> and is sent back there when the change succeeds; when it
/// fails, this page shows why, next to the file field, with a link back.
/// </summary>
[Authorize(Policy = Policies.AssessmentMember)] // another agency's assessment is 404, before antiforgery or anything else
[ExplainOversizedUpload]
public sealed class ManageModel(AssessmentAccess access, EvidenceQueries queries, EvidenceCommands commands, FrameworkCatalog catalog)
    : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<EvidenceItem> Files { get; private set; } = [];
    public IReadOnlyList<Issue> Issues { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public long MaxBytes => commands.MaxBytes;
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string? error)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        if (error == ExplainOversizedUploadAttribute.TooLargeFlag)
        {
            // Sent here because the upload was too large to read: back to the issue page it came from, if any.
            if (ReturnUrl is not null) return BackWithError("upload", EvidenceCommands.TooLarge(MaxBytes).ToString());
            ModelState.AddModelError("file", EvidenceCommands.TooLarge(MaxBytes).ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid assessmentId, Guid evidenceId)
    {
        if (await queries.OpenAsync(assessmentId, evidenceId, HttpContext.RequestAborted) is not Outcome<EvidenceDownload>.Ok { Value: var file })
            return NotFound();
        return new FileStreamResult(file.Content, file.ContentType)
        {
            FileDownloadName = file.FileName,
            EntityTag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""),
            EnableRangeProcessing = true,
        };
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid assessmentId, IFormFile? file, string[]? issueCodes)
    {
        var outcome = await commands.UploadAsync(assessmentId, file, issueCodes, HttpContext.RequestAborted);
        return await AfterAsync(assessmentId, outcome, "upload", uploaded => uploaded.AlreadyThere
            ? Bilingual.T($"มีไฟล์นี้อยู่แล้วในชื่อ {uploaded.FileName} และเชื่อมโยงให้แล้ว", $"This file is already here as {uploaded.FileName}; it has been linked.")
            : Bilingual.T($"อัปโหลด {uploaded.FileName} แล้ว", $"Uploaded {uploaded.FileName}."));
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid assessmentId, Guid evidenceId, string? issueCode) =>
        await AfterAsync(assessmentId, await commands.LinkAsync(assessmentId, evidenceId, issueCode ?? "", HttpContext.RequestAborted), "link",
            _ => Bilingual.T($"เชื่อมโยงไฟล์กับประเด็น {issueCode} แล้ว", $"The file now supports issue {issueCode}."));

    public async Task<IActionResult> OnPostUnlinkAsync(Guid assessmentId, Guid evidenceId, string? issueCode) =>
        await AfterAsync(assessmentId, await commands.UnlinkAsync(assessmentId, evidenceId, issueCode ?? "", HttpContext.RequestAborted), "list",
            _ => Bilingual.T($"ยกเลิกการเชื่อมโยงกับประเด็น {issueCode} แล้ว", $"The file no longer supports issue {issueCode}."));

    public async Task<IActionResult> OnPostRemoveAsync(Guid assessmentId, Guid evidenceId) =>
        await AfterAsync(assessmentId, await commands.RemoveAsync(assessmentId, evidenceId, HttpContext.RequestAborted), "list",
            _ => Bilingual.T("นำไฟล์ออกแล้ว (ยังคงอยู่ในประวัติการแก้ไข)", "The file was removed (the history keeps it)."));

    /// <summary>Success goes back where the person came from. A failure goes back there too when the person came
    /// from an issue's evidence panel (which shows the message next to its field, <paramref name="panelField"/>);
    /// otherwise it is shown here, next to the field.</summary>
    private async Task<IActionResult> AfterAsync<T>(Guid assessmentId, Outcome<T> outcome, string panelField, Func<T, string> done)
    {
        if (outcome is Outcome<T>.Invalid or Outcome<T>.Conflict or Outcome<T>.Forbidden && ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl))
            return BackWithError(panelField, outcome switch
            {
                Outcome<T>.Invalid invalid => string.Join(" ", invalid.Errors.All.Select(e => e.Message.ToString())),
                Outcome<T>.Conflict conflict => conflict.Message.ToString(),
                Outcome<T>.Forbidden forbidden => forbidden.Message.ToString(),
                _ => "",
            });
        switch (outcome)
        {
            case Outcome<T>.Ok ok:
                // The issue page shows this message too (as every page with a Message does).
                Message = done(ok.Value);
                return ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { assessmentId });
            case Outcome<T>.NotFound:
                return NotFound();
            case Outcome<T>.Invalid invalid:
                invalid.Errors.AddTo(ModelState, prefix: "");
                break;
            case Outcome<T>.Conflict conflict:
                ModelState.AddModelError("", conflict.Message.ToString());
                break;
            case Outcome<T>.Forbidden forbidden:
                ModelState.AddModelError("", forbidden.Message.ToString());
                break;
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    /// <summary>Back to the issue page, whose evidence panel shows <paramref name="message"/> at <paramref name="field"/>.</summary>
    private IActionResult BackWithError(string field, string message)
    {
        if (ReturnUrl is null || !Url.IsLocalUrl(ReturnUrl)) return RedirectToPage();
        TempData[EvidencePanelModel.ErrorKey] = message;
        TempData[EvidencePanelModel.ErrorFieldKey] = field;
        return LocalRedirect($"{ReturnUrl}#evidence-{field}");
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        var ct = HttpContext.RequestAborted;
        if (await access.FindAsync(assessmentId, AssessmentPermission.View, ct) is not Outcome<Assessment>.Ok { Value: var assessment }) return false;
        Assessment = assessment;
        Files = await queries.ItemsAsync(assessmentId, ct);
        Issues = (await catalog.PackOfAsync(assessment, ct)).Issues.ToList();
        CanEdit = assessment.State.IsEditable() && await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct) is Outcome<Assessment>.Ok;
        if (ReturnUrl is not null && !Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        return true;
    }
}
