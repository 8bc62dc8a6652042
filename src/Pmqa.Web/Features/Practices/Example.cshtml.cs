using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Practices;

/// <summary>
/// One example: the frozen explanations and the shared files. Approved ones are every signed-in user's; a pending or
/// declined one is its agency's and OPDC's (404 for anyone else). OPDC approves or declines a pending one here.
/// </summary>
public sealed class ExampleModel(PracticeQueries queries, PracticeCommands commands, CurrentUser me) : PageModel
{
    public PracticeView Practice { get; private set; } = null!;
    public bool MayDecide { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid practiceId) => await LoadAsync(practiceId) ? Page() : NotFound();

    /// <summary>A shared file, under the same rule as the example.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid practiceId, Guid evidenceId) =>
        await queries.OpenFileAsync(practiceId, evidenceId) is Outcome<EvidenceDownload>.Ok { Value: var file }
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid practiceId) =>
        DecideAsync(practiceId, commands.ApproveAsync(practiceId, Version), new("อนุมัติแล้ว ตัวอย่างนี้อยู่ในคลังแนวปฏิบัติที่ดีแล้ว", "Approved: the example is in the library."));

    public Task<IActionResult> OnPostDeclineAsync(Guid practiceId) =>
        DecideAsync(practiceId, commands.DeclineAsync(practiceId, Version, new DeclineBody(Reason)), new("ไม่อนุมัติแล้ว หน่วยงานจะเห็นเหตุผล", "Declined: the agency sees the reason."));

    private async Task<IActionResult> DecideAsync(Guid practiceId, Task<Outcome<PracticeView>> decision, Msg done)
    {
        ModelState.Clear();
        switch (await decision)
        {
            case Outcome<PracticeView>.Ok:
                Message = done.ToString();
                return Redirect($"/practices/{practiceId}");
            case Outcome<PracticeView>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All) ModelState.AddModelError(field == "reason" ? nameof(Reason) : "", message.ToString());
                break;
            case Outcome<PracticeView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                break;
            default:
                return NotFound();
        }
        var typed = Reason;
        if (!await LoadAsync(practiceId)) return NotFound();
        Reason = typed; // nothing typed is lost
        return Page();
    }

    private async Task<bool> LoadAsync(Guid practiceId)
    {
        if (await queries.GetAsync(practiceId) is not Outcome<PracticeView>.Ok { Value: var practice }) return false;
        Practice = practice;
        Version = practice.Version;
        MayDecide = practice.Status == "pending" && await me.SeesAllOrganizationsAsync();
        return true;
    }
}
