using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

/// <summary>The dates a round must keep, whether it is being created or edited. A fiscal year runs from
/// 1 October to 30 September (Bangkok); a round's dates belong to its fiscal year, with some room around it for
/// opening early and for a deadline or award after the year's end, but never years away (a BE year typed into
/// a Gregorian field lands 543 years off).</summary>
public static class RoundRules
{
    /// <summary>How far before the fiscal year a round may open, and after it its deadline and award may fall.</summary>
    public const int MonthsAround = 6;

    public sealed record Dates(DateTimeOffset? OpensAt, DateTimeOffset? SubmissionDeadline, DateTimeOffset? VerificationEndsAt,
        DateTimeOffset? SiteVisitFrom, DateTimeOffset? SiteVisitTo, DateTimeOffset? AwardDate);

    public static void Validate(int fiscalYear, Dates d, ValidationErrors errors)
    {
        var start = ThaiTime.FiscalYearStart(fiscalYear);
        var end = ThaiTime.FiscalYearStart(fiscalYear + 1); // exclusive
        var (earliest, latest) = (start.AddMonths(-MonthsAround), end.AddMonths(MonthsAround));
        string Th(DateTimeOffset at) => ThaiTime.FormatDate(at, true);
        string En(DateTimeOffset at) => ThaiTime.FormatDate(at, false);
        var lastDay = end.AddDays(-1);
        var yearTh = $"ปีงบประมาณ {fiscalYear} ({Th(start)} – {Th(lastDay)})";
        var yearEn = $"fiscal year {fiscalYear} BE ({En(start)} – {En(lastDay)})";

        void Near(string field, DateTimeOffset? at, string th, string en)
        {
            if (at is { } v && (v < earliest || v >= latest))
                errors.Add(field, $"{th}ต้องอยู่ในหรือใกล้{yearTh} (ไม่เกิน {MonthsAround} เดือนก่อนหรือหลัง)",
                    $"The {en} must fall in or near {yearEn}, at most {MonthsAround} months before or after it.");
        }

        Near("opensAt", d.OpensAt, "วันเปิดรอบ", "opening date");
        Near("submissionDeadline", d.SubmissionDeadline, "กำหนดส่ง", "submission deadline");
        Near("verificationEndsAt", d.VerificationEndsAt, "วันสิ้นสุดการตรวจสอบ", "end of verification");
        Near("awardDate", d.AwardDate, "วันประกาศรางวัล", "award date");
        if (d.OpensAt is { } opens && d.SubmissionDeadline is { } deadline && deadline <= opens)
            errors.Add("submissionDeadline", "กำหนดส่งต้องอยู่หลังวันเปิดรอบ", "The deadline must come after the opening date.");
        if (d.SubmissionDeadline is { } due && d.VerificationEndsAt is { } verified && verified <= due)
            errors.Add("verificationEndsAt", "วันสิ้นสุดการตรวจสอบต้องอยู่หลังกำหนดส่ง", "Verification must end after the submission deadline.");
        foreach (var (field, at, th, en) in new[] { ("siteVisitFrom", d.SiteVisitFrom, "วันเริ่มตรวจ ณ พื้นที่", "first site-visit day"), ("siteVisitTo", d.SiteVisitTo, "วันสุดท้ายของการตรวจ ณ พื้นที่", "last site-visit day") })
            if (at is { } v && (v < start || v >= end))
                errors.Add(field, $"{th}ต้องอยู่ใน{yearTh}", $"The {en} must fall within {yearEn}.");
        if (d.SiteVisitFrom is { } from && d.SiteVisitTo is { } to && to <= from)
            errors.Add("siteVisitTo", "วันสุดท้ายของการตรวจ ณ พื้นที่ต้องอยู่หลังวันเริ่ม", "The site-visit window must end after it starts.");
    }
}
