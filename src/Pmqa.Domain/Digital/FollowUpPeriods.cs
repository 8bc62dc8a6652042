using Pmqa.Domain.Time;

namespace Pmqa.Domain.Digital;

/// <summary>Where an organisation's progress update for a period stands (issue 12, ADR 0027).</summary>
public enum UpdateStatus { AwaitingApproval, Submitted, Returned }

/// <summary>How an organisation stands against a period's deadline: not due yet (nothing approved, deadline ahead),
/// on time (approved by the deadline), late (approved after it), missing (nothing approved and the deadline passed).</summary>
public enum Lateness { Due, OnTime, Late, Missing }

/// <summary>A period's draft as typed: one Thai name (English optional), the "as of" date and the deadline (Bangkok dates).</summary>
public sealed record PeriodDraft(string? NameTh, string? NameEn, DateOnly? StartsOn, DateOnly? Deadline);

/// <summary>A problem with a period's field, keyed by the API's field name, in Thai and English.</summary>
public sealed record PeriodError(string Field, string Th, string En);

/// <summary>
/// Follow-up periods OPDC sets for the digital-government register and the lateness of an organisation's update
/// (issue 12, ADR 0027). Dates are Asia/Bangkok days; a deadline lasts to the end of its day (00:00 of the next day
/// in Bangkok, exclusive). Pure: the handlers load the facts.
/// </summary>
public static class FollowUpPeriods
{
    public const int NameLimit = 300;

    /// <summary>The instant a deadline day ends: midnight after it, Bangkok time (as UTC, which PostgreSQL stores).</summary>
    public static DateTimeOffset EndOf(DateOnly deadline) =>
        new DateTimeOffset(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), ThaiTime.Bangkok.BaseUtcOffset).ToUniversalTime();

    /// <summary>The instant a period's "as of" day starts, Bangkok time (as UTC).</summary>
    public static DateTimeOffset StartOf(DateOnly startsOn) =>
        new DateTimeOffset(startsOn.ToDateTime(TimeOnly.MinValue), ThaiTime.Bangkok.BaseUtcOffset).ToUniversalTime();

    /// <summary>An update counts once the executive approved it: approved at or before the end of the deadline day
    /// is on time, after it late; nothing approved is missing once the deadline day ended, due before.</summary>
    public static Lateness Of(DateOnly deadline, DateTimeOffset? approvedAt, DateTimeOffset now)
    {
        var end = EndOf(deadline);
        if (approvedAt is { } at) return at < end ? Lateness.OnTime : Lateness.Late;
        return now >= end ? Lateness.Missing : Lateness.Due;
    }

    /// <summary>Late and missing are what OPDC chases.</summary>
    public static bool IsFlagged(Lateness lateness) => lateness is Lateness.Late or Lateness.Missing;

    /// <summary>An update may be sent from the period's "as of" day on (also after the deadline: it is then late).</summary>
    public static bool IsOpenForUpdates(DateOnly startsOn, DateTimeOffset now) => now >= StartOf(startsOn);

    /// <summary>The period an agency reports on now: of those started, the one whose deadline comes first and has not
    /// passed; when every started period's deadline passed, the latest of them (a late update is still wanted).</summary>
    public static T? Current<T>(IEnumerable<T> periods, Func<T, DateOnly> startsOn, Func<T, DateOnly> deadline, DateTimeOffset now) where T : class
    {
        var started = periods.Where(p => IsOpenForUpdates(startsOn(p), now)).ToList();
        return started.Where(p => EndOf(deadline(p)) > now).OrderBy(deadline).FirstOrDefault()
            ?? started.OrderByDescending(deadline).FirstOrDefault();
    }

    public static List<PeriodError> Check(PeriodDraft draft)
    {
        var errors = new List<PeriodError>();
        if (string.IsNullOrWhiteSpace(draft.NameTh)) errors.Add(new("nameTh", "กรุณาระบุชื่อรอบการติดตาม", "Give the period a Thai name."));
        else if (draft.NameTh.Trim().Length > NameLimit) errors.Add(new("nameTh", $"ชื่อยาวเกิน {NameLimit} ตัวอักษร", $"The name is longer than {NameLimit} characters."));
        if (draft.NameEn is { } en && en.Trim().Length > NameLimit) errors.Add(new("nameEn", $"ชื่อยาวเกิน {NameLimit} ตัวอักษร", $"The name is longer than {NameLimit} characters."));
        if (draft.StartsOn is null) errors.Add(new("startsOn", "กรุณาระบุวันที่ข้อมูล (ณ วันที่)", "Give the \"as of\" date."));
        if (draft.Deadline is null) errors.Add(new("deadline", "กรุณาระบุวันกำหนดส่ง", "Give the deadline."));
        else if (draft.StartsOn is { } start && draft.Deadline < start)
            errors.Add(new("deadline", "วันกำหนดส่งต้องไม่ก่อนวันที่ข้อมูล", "The deadline cannot be before the \"as of\" date."));
        else if (draft.StartsOn is { } s && draft.Deadline > s.AddYears(2))
            errors.Add(new("deadline", "วันกำหนดส่งห่างจากวันที่ข้อมูลเกิน 2 ปี ตรวจสอบปีที่พิมพ์", "The deadline is more than two years after the \"as of\" date: check the year."));
        return errors;
    }

    public static string ApiName(this UpdateStatus status) => status switch
    {
        UpdateStatus.AwaitingApproval => "awaitingApproval",
        UpdateStatus.Submitted => "submitted",
        _ => "returned",
    };

    public static string ApiName(this Lateness lateness) => lateness switch
    {
        Lateness.Due => "due",
        Lateness.OnTime => "onTime",
        Lateness.Late => "late",
        _ => "missing",
    };

    public static (string Th, string En) DisplayName(this UpdateStatus status) => status switch
    {
        UpdateStatus.AwaitingApproval => ("รอผู้บริหารอนุมัติ", "Awaiting the executive's approval"),
        UpdateStatus.Submitted => ("ส่งแล้ว", "Submitted"),
        _ => ("ส่งกลับให้แก้ไข", "Returned"),
    };

    public static (string Th, string En) DisplayName(this Lateness lateness) => lateness switch
    {
        Lateness.Due => ("ยังไม่ถึงกำหนด", "Not due yet"),
        Lateness.OnTime => ("ส่งตรงเวลา", "On time"),
        Lateness.Late => ("ส่งล่าช้า", "Late"),
        _ => ("ไม่ได้ส่ง", "Missing"),
    };
}
