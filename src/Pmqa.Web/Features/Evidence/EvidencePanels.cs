using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Evidence;

/// <summary>What <c>_EvidencePanel.cshtml</c> shows on an issue's page: the files that support the issue and,
/// to link, the assessment's other files.</summary>
public sealed record EvidencePanelModel(
    Guid AssessmentId, string IssueCode, bool CanEdit, IReadOnlyList<EvidenceItem> Linked, IReadOnlyList<EvidenceItem> OtherFiles)
{
    /// <summary>TempData keys: why the panel's last change was refused, and at which of its parts
    /// ("upload", "link" or "list"), carried back from the evidence page to the issue page.</summary>
    public const string ErrorKey = "EvidencePanelError";
    public const string ErrorFieldKey = "EvidencePanelErrorAt";
}

public sealed class EvidencePanels(AssessmentAccess access, EvidenceQueries queries)
{
    /// <summary>The panel for one issue. <paramref name="canEdit"/> is the page's answer to "may this person edit
    /// the assessment now"; the forms are also hidden once the assessment is no longer a draft. Someone who may
    /// not see the assessment gets an empty panel.</summary>
    public async Task<EvidencePanelModel> ForIssueAsync(Guid assessmentId, string issueCode, bool canEdit, CancellationToken ct = default)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.View, ct) is not Outcome<Assessment>.Ok { Value: var assessment })
            return new EvidencePanelModel(assessmentId, issueCode, false, [], []);
        var items = await queries.ItemsAsync(assessmentId, ct);
        return new EvidencePanelModel(assessmentId, issueCode, canEdit && assessment.State.IsEditable(),
            items.Where(i => i.IssueCodes.Contains(issueCode)).ToList(),
            items.Where(i => !i.IssueCodes.Contains(issueCode)).ToList());
    }
}
