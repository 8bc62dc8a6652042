namespace Pmqa.Web.Features.Plans;

/// <summary>One field of one of the plan page's many forms: its id carries the form's key, so ids stay unique and the
/// error shows only in the form that was sent.</summary>
public sealed record PlanField(string Form, string Name, string Label, string? Value, string? Error, string Type = "text", string? Help = null, int? MaxLength = null)
{
    public string Id => $"{Form}-{Name}".Replace('.', '_').Replace(':', '_');
}
