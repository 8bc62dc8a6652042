using System.Globalization;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// Every user-facing text is written as a Thai/English pair at the place it is used (see
/// docs/decisions/0004-bilingual-text-pairs.md), so a screen cannot exist in one language only.
/// </summary>
public static class Bilingual
{
    public static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    /// <summary>Picks the Thai or English text for the current request's language.</summary>
    public static string T(string th, string en) => IsThai ? th : en;

    public static string T((string Th, string En) pair) => IsThai ? pair.Th : pair.En;
}

/// <summary>A message in both languages.</summary>
public sealed record Msg(string Th, string En)
{
    public override string ToString() => Bilingual.T(Th, En);
}
