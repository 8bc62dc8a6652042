using Pmqa.Domain.Calendar;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>An event as the API sends it (times as ISO instants; the page parses its Thai dates into the same shape).</summary>
public sealed record EventInput(
    string? TitleTh, string? TitleEn, string? Description, string? Kind, string? Audience,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? OnlineUrl,
    int? Capacity, int? PerOrganizationLimit, DateTimeOffset? RegistrationDeadline);

/// <summary>An event's fields once checked.</summary>
public sealed record EventFields(
    string TitleTh, string TitleEn, string Description, EventKind Kind, EventAudience Audience,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, string OnlineUrl,
    int? Capacity, int PerOrganizationLimit, DateTimeOffset? RegistrationDeadline);

public static class EventValidation
{
    public const int DescriptionLimit = 4000;

    /// <summary>The fields, or the errors by API field name (a page shows each at its field).</summary>
    public static Outcome<EventFields> Check(EventInput input)
    {
        var errors = new ValidationErrors();
        var titleTh = (input.TitleTh ?? "").Trim();
        var titleEn = (input.TitleEn ?? "").Trim();
        if (titleTh.Length == 0) errors.Add("titleTh", "ระบุชื่อกิจกรรมภาษาไทย", "Give the Thai title.");
        else if (titleTh.Length > TextLimits.Name) errors.Add("titleTh", "ชื่อยาวเกิน 300 ตัวอักษร", "The title is longer than 300 characters.");
        if (titleEn.Length == 0) errors.Add("titleEn", "ระบุชื่อกิจกรรมภาษาอังกฤษ", "Give the English title.");
        else if (titleEn.Length > TextLimits.Name) errors.Add("titleEn", "ชื่อยาวเกิน 300 ตัวอักษร", "The title is longer than 300 characters.");
        var description = (input.Description ?? "").Trim();
        if (description.Length > DescriptionLimit) errors.Add("description", "รายละเอียดยาวเกิน 4,000 ตัวอักษร", "The description is longer than 4,000 characters.");
        if (!EventNames.TryParse<EventKind>(input.Kind, out var kind))
            errors.Add("kind", "เลือกประเภท: workshop, deadline, siteVisitWindow, awardCeremony หรือ other", "Choose a kind: workshop, deadline, siteVisitWindow, awardCeremony or other.");
        if (!EventNames.TryParse<EventAudience>(input.Audience, out var audience))
            errors.Add("audience", "เลือกกลุ่มเป้าหมาย: departments, provinces หรือ everyone", "Choose an audience: departments, provinces or everyone.");
        if (input.StartsAt is null) errors.Add("startsAt", "ระบุวันเวลาเริ่ม", "Give the start.");
        if (input.EndsAt is null) errors.Add("endsAt", "ระบุวันเวลาสิ้นสุด", "Give the end.");
        else if (input.StartsAt is { } s && input.EndsAt < s) errors.Add("endsAt", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "The end cannot be before the start.");
        if (input.RegistrationDeadline is { } d && input.StartsAt is { } start && d > start)
            errors.Add("registrationDeadline", "ปิดรับสมัครต้องไม่หลังวันเริ่มกิจกรรม", "Registration must close no later than the start.");
        var place = (input.Place ?? "").Trim();
        if (place.Length > 500) errors.Add("place", "สถานที่ยาวเกิน 500 ตัวอักษร", "The place is longer than 500 characters.");
        var link = (input.OnlineUrl ?? "").Trim();
        if (link.Length > 500 || (link.Length > 0 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
            errors.Add("onlineUrl", "ลิงก์ออนไลน์ต้องขึ้นต้นด้วย https:// (ไม่เกิน 500 ตัวอักษร)", "The online link must be an https:// address (500 characters at most).");
        if (input.Capacity is < 1 or > 100_000) errors.Add("capacity", "จำนวนที่นั่งต้องอยู่ระหว่าง 1 ถึง 100,000 หรือเว้นว่างเมื่อไม่จำกัด", "Seats must be 1–100,000, or empty for no limit.");
        var limit = input.PerOrganizationLimit ?? 3;
        if (limit is < 1 or > 100) errors.Add("perOrganizationLimit", "จำนวนผู้เข้าร่วมต่อหน่วยงานต้องอยู่ระหว่าง 1 ถึง 100", "Participants per organisation must be 1–100.");
        if (errors.Any) return errors;
        // Instants are kept in UTC (PostgreSQL's timestamptz takes no other offset); screens show them in Bangkok.
        return new EventFields(titleTh, titleEn, description, kind, audience, input.StartsAt!.Value.ToUniversalTime(), input.EndsAt!.Value.ToUniversalTime(),
            place, link, input.Capacity, limit, input.RegistrationDeadline?.ToUniversalTime());
    }
}
