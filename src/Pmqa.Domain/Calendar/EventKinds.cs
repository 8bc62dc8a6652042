namespace Pmqa.Domain.Calendar;

/// <summary>What a promotion-calendar entry is (seed 002: OPDC's yearly promotion calendar).</summary>
public enum EventKind { Workshop, Deadline, SiteVisitWindow, AwardCeremony, Other }

/// <summary>Who an entry is for. OPDC keeps one calendar for departments and public organisations and one
/// for provinces; an entry for everyone is on both.</summary>
public enum EventAudience { Departments, Provinces, Everyone }

public static class EventNames
{
    public static (string Th, string En) DisplayName(this EventKind kind) => kind switch
    {
        EventKind.Workshop => ("การประชุมเชิงปฏิบัติการ", "Workshop"),
        EventKind.Deadline => ("กำหนดส่ง", "Deadline"),
        EventKind.SiteVisitWindow => ("ช่วงตรวจ ณ พื้นที่", "Site-visit window"),
        EventKind.AwardCeremony => ("พิธีมอบรางวัล", "Award ceremony"),
        _ => ("อื่น ๆ", "Other"),
    };

    public static (string Th, string En) DisplayName(this EventAudience audience) => audience switch
    {
        EventAudience.Departments => ("ส่วนราชการและองค์การมหาชน", "Departments and public organisations"),
        EventAudience.Provinces => ("จังหวัด", "Provinces"),
        _ => ("ทุกหน่วยงาน", "Everyone"),
    };

    /// <summary>The API's (and the feed URL's) name: camelCase of the enum name.</summary>
    public static string ApiName<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(v.ApiName(), name, StringComparison.OrdinalIgnoreCase)) { value = v; return true; }
        value = default;
        return false;
    }

    /// <summary>Whether an entry for <paramref name="entry"/> belongs on the calendar of <paramref name="calendar"/>:
    /// the "everyone" calendar holds every entry; the departments' and the provinces' hold their own and everyone's.</summary>
    public static bool IsOn(this EventAudience entry, EventAudience calendar) =>
        calendar == EventAudience.Everyone || entry == EventAudience.Everyone || entry == calendar;

    /// <summary>The calendar of an assessed organisation's type: provinces have theirs, departments and public
    /// organisations share the other.</summary>
    public static EventAudience AudienceOf(Organizations.OrganizationType type) =>
        type == Organizations.OrganizationType.Province ? EventAudience.Provinces : EventAudience.Departments;
}
