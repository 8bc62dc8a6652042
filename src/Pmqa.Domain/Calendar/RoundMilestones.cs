namespace Pmqa.Domain.Calendar;

/// <summary>A round's dates as the calendar needs them (the round itself lives in the data layer).</summary>
public sealed record RoundDates(
    Guid RoundId, int FiscalYear, IReadOnlyList<EventAudience> Audiences,
    DateTimeOffset OpensAt, DateTimeOffset SubmissionDeadline, DateTimeOffset? PlanDeadline,
    DateTimeOffset? Month6ReportDeadline, DateTimeOffset? Month12ReportDeadline, DateTimeOffset? VerificationEndsAt,
    DateTimeOffset? SiteVisitFrom, DateTimeOffset? SiteVisitTo, DateTimeOffset? AwardDate);

/// <summary>One of a round's own dates on the calendar. <see cref="Key"/> is stable for the round and the date,
/// so a feed's UID stays the same when the date moves.</summary>
public sealed record Milestone(string Key, EventKind Kind, string TitleTh, string TitleEn, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A round's dates shown on the calendar by themselves: nobody types them twice, and when OPDC moves a date
/// of the round the calendar entry moves with it. Dates the round does not have are left out.
/// </summary>
public static class RoundMilestones
{
    public static IReadOnlyList<Milestone> Of(RoundDates r)
    {
        var year = r.FiscalYear;
        var list = new List<Milestone>
        {
            Point("opens", EventKind.Other, $"เปิดรอบการประเมิน PMQA 4.0 ปีงบประมาณ พ.ศ. {year}", $"PMQA 4.0 round {year} BE opens", r.OpensAt),
            Point("submission", EventKind.Deadline, $"กำหนดส่งผลการประเมินตนเอง ปีงบประมาณ พ.ศ. {year}", $"Self-assessment due ({year} BE)", r.SubmissionDeadline),
        };
        Add(list, "plan", EventKind.Deadline, $"กำหนดส่งแผนพัฒนาองค์การ ปีงบประมาณ พ.ศ. {year}", $"Improvement plans due ({year} BE)", r.PlanDeadline);
        Add(list, "month6", EventKind.Deadline, $"กำหนดรายงานผลการดำเนินการ 6 เดือน ปีงบประมาณ พ.ศ. {year}", $"6-month follow-up reports due ({year} BE)", r.Month6ReportDeadline);
        Add(list, "month12", EventKind.Deadline, $"กำหนดรายงานผลการดำเนินการ 12 เดือน ปีงบประมาณ พ.ศ. {year}", $"12-month follow-up reports due ({year} BE)", r.Month12ReportDeadline);
        Add(list, "verification", EventKind.Deadline, $"สิ้นสุดการตรวจสอบคะแนน ปีงบประมาณ พ.ศ. {year}", $"Verification ends ({year} BE)", r.VerificationEndsAt);
        if (r.SiteVisitFrom is { } from && r.SiteVisitTo is { } to && to >= from)
            list.Add(new("sitevisits", EventKind.SiteVisitWindow, $"ช่วงตรวจ ณ พื้นที่ ปีงบประมาณ พ.ศ. {year}", $"Site-visit window ({year} BE)", from, to));
        Add(list, "award", EventKind.AwardCeremony, $"ประกาศผลและมอบรางวัล PMQA 4.0 ปีงบประมาณ พ.ศ. {year}", $"PMQA 4.0 awards ({year} BE)", r.AwardDate);
        return list;
    }

    /// <summary>The calendar audience of a round's assessed organisation types (department, publicOrganization, province).</summary>
    public static IReadOnlyList<EventAudience> AudiencesOf(IEnumerable<string> organizationTypes)
    {
        var types = organizationTypes.Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var audiences = new List<EventAudience>();
        if (types.Contains("department") || types.Contains("publicOrganization")) audiences.Add(EventAudience.Departments);
        if (types.Contains("province")) audiences.Add(EventAudience.Provinces);
        return audiences;
    }

    private static void Add(List<Milestone> list, string key, EventKind kind, string th, string en, DateTimeOffset? at)
    {
        if (at is { } a) list.Add(Point(key, kind, th, en, a));
    }

    private static Milestone Point(string key, EventKind kind, string th, string en, DateTimeOffset at) => new(key, kind, th, en, at, at);
}
