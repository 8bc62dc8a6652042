namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// Every CSV the product writes passes its text cells through <see cref="Safe"/>: a spreadsheet opening
/// the file treats a cell beginning with <c>= + - @</c> (or a tab or carriage return) as a formula, so an
/// organisation named <c>=HYPERLINK(…)</c> would run in the reader's Excel (CSV injection, OWASP).
/// Numbers are written as numbers and never pass through here.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text, prefixed with an apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Safe(string? text) =>
        text is { Length: > 0 } && FormulaStarts.Contains(text[0]) ? "'" + text : text ?? "";
}
