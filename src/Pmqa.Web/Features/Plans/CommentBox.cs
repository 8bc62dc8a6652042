using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Pmqa.Web.Features.Plans;

/// <summary>What the comment thread partial needs, on the plan page and on a report's page: the comments, whether the
/// caller comments (OPDC) or answers (the agency), and what was typed in a refused comment.</summary>
public sealed record CommentBox(IReadOnlyList<CommentView> Comments, IReadOnlyList<ProjectView> Projects, bool CanComment, bool CanAnswer,
    string? FailedForm, string? TypedText, ModelStateDictionary State)
{
    public string? ErrorOf(string key) =>
        FailedForm == key && State.TryGetValue("CommentText", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    public string? TextOf(string key) => FailedForm == key ? TypedText : null;
}
