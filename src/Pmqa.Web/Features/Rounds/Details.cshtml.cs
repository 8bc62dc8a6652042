using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

public sealed class DetailsModel(RoundQueries rounds, Reports.RoundPrints.RoundReportPrints prints) : PageModel
{
    public sealed class ExtensionInput
    {
        public Guid? OrganizationId { get; set; }
        public string? Until { get; set; }
        public string? Reason { get; set; }
    }

    public RoundSummary Round { get; private set; } = null!;
    public IReadOnlyList<RoundEntry> Entries { get; private set; } = [];
    /// <summary>The round's newest "every agency's report" job, if any.</summary>
    public Reports.RoundPrints.RoundReportPrintView? ReportPrint { get; private set; }
    [BindProperty] public ExtensionInput Extension { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId) => await LoadAsync(roundId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(Guid roundId, [FromServices] OpenRound open)
    {
        switch (await open.HandleAsync(roundId))
        {
            case Outcome<int>.Ok ok:
                Message = Bilingual.T($"เปิดรอบแล้ว สร้างแบบประเมิน {ok.Value} หน่วยงาน", $"The round is open: {ok.Value} assessments created.");
                return RedirectToPage(new { roundId });
            case Outcome<int>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                break;
            default:
                return NotFound();
        }
        return await LoadAsync(roundId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid roundId, [FromServices] GrantExtension grant)
    {
        if (!ThaiDateInput.TryParse(Extension.Until, out var until))
        {
            ModelState.AddModelError("Extension.Until", ThaiDateInput.NotADate);
            return await LoadAsync(roundId) ? Page() : NotFound();
        }
        var outcome = await grant.HandleAsync(new(roundId, Extension.OrganizationId, until, Extension.Reason));
        if (outcome is Outcome<Guid>.NotFound) return NotFound();
        if (outcome is Outcome<Guid>.Ok)
        {
            Message = Bilingual.T("ขยายเวลาแล้ว", "Extension granted.");
            return RedirectToPage(new { roundId });
        }
        if (outcome is Outcome<Guid>.Invalid invalid) invalid.Errors.AddTo(ModelState, "Extension");
        return await LoadAsync(roundId) ? Page() : NotFound();
    }

    /// <summary>OPDC closes verification; the verified results are published with it (ADR 0024).</summary>
    public async Task<IActionResult> OnPostCloseVerificationAsync(Guid roundId, string? note, [FromServices] OpenData.VerificationClosing closing)
    {
        switch (await closing.CloseAsync(roundId, new(note), HttpContext.RequestAborted))
        {
            case Outcome<OpenData.VerificationClosed>.Ok { Value.Publication: var p }:
                Message = Bilingual.T($"ปิดการตรวจสอบแล้ว เผยแพร่ผล {p.Published} หน่วยงาน (แก้ไข {p.Corrected}, คงเดิม {p.Unchanged}, ไม่เผยแพร่ {p.Withheld})",
                    $"Verification closed: {p.Published} results published ({p.Corrected} corrected, {p.Unchanged} unchanged, {p.Withheld} withheld).");
                return RedirectToPage(new { roundId });
            case Outcome<OpenData.VerificationClosed>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                break;
            case Outcome<OpenData.VerificationClosed>.Invalid invalid:
                foreach (var (_, message) in invalid.Errors.All) ModelState.AddModelError("", message.ToString());
                break;
            default:
                return NotFound();
        }
        return await LoadAsync(roundId) ? Page() : NotFound();
    }

    /// <summary>OPDC queues printing every agency's report of the round (ADR 0038); asked again while it runs, the same job.</summary>
    public async Task<IActionResult> OnPostPrintReportsAsync(Guid roundId)
    {
        switch (await prints.StartAsync(roundId, HttpContext.RequestAborted))
        {
            case Outcome<Reports.RoundPrints.RoundReportPrintView>.Ok:
                Message = Bilingual.T("เริ่มพิมพ์รายงานทุกหน่วยงานแล้ว ติดตามความคืบหน้าได้ที่หัวข้อรายงานผลของทุกหน่วยงาน", "Printing every agency's report has started: follow it under \"Every agency's report\".");
                return RedirectToPage(new { roundId });
            case Outcome<Reports.RoundPrints.RoundReportPrintView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                return await LoadAsync(roundId) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    /// <summary>The report-printing section alone, for the page's script to show progress without a reload.</summary>
    public async Task<IActionResult> OnGetPrintStatusAsync(Guid roundId)
    {
        if (await rounds.FindAsync(roundId) is null) return NotFound();
        return Partial("_RoundReportPrints", (roundId, await prints.LatestAsync(roundId, HttpContext.RequestAborted)));
    }

    private async Task<bool> LoadAsync(Guid roundId)
    {
        if (await rounds.FindAsync(roundId) is not { } round) return false;
        Round = round;
        Entries = await rounds.EntriesAsync(roundId);
        ReportPrint = await prints.LatestAsync(roundId);
        return true;
    }
}
