namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// The longest text each kind of free-text field accepts, in characters (UTF-16 code units, as
/// <c>string.Length</c> counts and as the browser's <c>maxlength</c> counts). One table, so that the page's
/// <c>maxlength</c>, the handler's check and the README name the same number. A field without a limit lets
/// one request grow the database and every page that shows it without bound.
/// </summary>
public static class TextLimits
{
    /// <summary>Names and titles: an organisation's name, a person's display name, an indicator, a round, a file name.</summary>
    public const int Name = 300;

    /// <summary>Codes: organisation, ministry, province, category and issue codes.</summary>
    public const int Code = 32;

    /// <summary>An e-mail address (RFC 5321's path limit).</summary>
    public const int Email = 254;

    /// <summary>A web address.</summary>
    public const int Url = 2_000;

    /// <summary>A reason or a short note: rejection, reopening, declining a visit, an adjustment, a withholding.</summary>
    public const int Reason = 2_000;

    /// <summary>A comment, a message in a thread, strengths, opportunities, a finding, a rationale, an agenda.</summary>
    public const int Comment = 10_000;

    /// <summary>The explanation of one maturity level, and one section of the organisation profile.</summary>
    public const int Explanation = 20_000;

    /// <summary>How many indicators one results issue may hold.</summary>
    public const int IndicatorsPerIssue = 30;

    /// <summary>Adds a field error when <paramref name="value"/> is longer than <paramref name="max"/>.</summary>
    public static ValidationErrors Limit(this ValidationErrors errors, string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
            errors.Add(field, $"ข้อความยาวเกิน {max:N0} ตัวอักษร (ขณะนี้ {length:N0})",
                $"The text is longer than {max:N0} characters (it has {length:N0}).");
        return errors;
    }
}
