using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>The printable receipt of an approved submission, showing the snapshot's SHA-256.</summary>
public sealed class ReceiptModel(AssessmentAccess access, Frameworks.FrameworkCatalog catalog, PersonNames names) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    /// <summary>Who sent it, by name (the record keeps the e-mail address, shown on hover).</summary>
    public string SubmittedByName { get; private set; } = "";
    public string Total { get; private set; } = "";
    public Frameworks.LockedVersion Framework { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.View) is not Outcome<Assessment>.Ok ok || ok.Value.SnapshotJson is null)
            return NotFound();
        Assessment = ok.Value;
        Framework = await catalog.VersionOfAsync(Assessment);
        using var snapshot = System.Text.Json.JsonDocument.Parse(Assessment.SnapshotJson!);
        SubmittedByName = Assessment.SubmittedBy is { } by ? (await names.ResolveAsync([by]))[by].Display : "";
        Total = snapshot.RootElement.GetProperty("score").GetProperty("total").GetDecimal().ToString("0.00");
        return Page();
    }
}
