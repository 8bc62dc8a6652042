using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Pmqa.Web.Features.Shared;

/// <summary>What the <c>_Field</c> partial needs to draw one input with its label and error; <c>MaxLength</c> is the
/// field's <c>maxlength</c> (a <see cref="Infrastructure.Web.TextLimits"/> constant), or none.</summary>
public sealed record FieldModel(string Name, string Label, string? Value, string? Error, string Type = "text",
    string? Autocomplete = null, bool Required = false, string? Help = null, int? MaxLength = null)
{
    public string Id => Name.Replace('.', '_');

    public static FieldModel For(ModelStateDictionary state, string name, string label, string? value, string type = "text",
        string? autocomplete = null, bool required = false, string? help = null, int? maxLength = null)
    {
        var error = state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        return new FieldModel(name, label, value, error, type, autocomplete, required, help, maxLength);
    }
}
