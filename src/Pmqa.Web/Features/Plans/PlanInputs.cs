using Pmqa.Domain.Plans;

namespace Pmqa.Web.Features.Plans;

public sealed record CreatePlanInput(int? FiscalYear, string? Horizon, Guid? AssessmentId);

public sealed record PlanSummaryInput(string? Summary);

public sealed record ProjectInput(
    string? Title, string? Objective, IReadOnlyList<string>? IssueCodes, Guid? OwnerId, DateOnly? StartDate, DateOnly? EndDate,
    decimal? Budget, string? IndicatorName, string? IndicatorUnit, decimal? Baseline, decimal? Target);

public sealed record ActionInput(string? Title, Guid? OwnerId, DateOnly? StartDate, DateOnly? EndDate, decimal? Budget);

public sealed record ApproveInput(string? Name, string? Position);

public sealed record CommentInput(string? Text, Guid? ProjectId = null, Guid? ReplyToId = null);

/// <summary>What a change answers: the id of the thing made or changed, and the plan's (or report's) new version.</summary>
public sealed record Saved(Guid Id, int Version);

/// <summary>Enum names in the API: camelCase ("oneYear", "awaitingApproval").</summary>
public static class PlanNames
{
    public static string Api<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _) ? v : null;

    public static string HorizonLabel(PlanHorizon h, bool thai) => (h, thai) switch
    {
        (PlanHorizon.OneYear, true) => "แผนปฏิบัติการ 1 ปี",
        (PlanHorizon.OneYear, false) => "One-year plan",
        (_, true) => "แผนพัฒนา 3 ปี",
        _ => "Three-year plan",
    };

    public static string StatusLabel(PlanStatus s, bool thai) => (s, thai) switch
    {
        (PlanStatus.Draft, true) => "ร่าง",
        (PlanStatus.Draft, false) => "Draft",
        (PlanStatus.AwaitingApproval, true) => "รอผู้บริหารอนุมัติ",
        (PlanStatus.AwaitingApproval, false) => "Awaiting approval",
        (PlanStatus.Approved, true) => "อนุมัติแล้ว ส่ง สำนักงาน ก.พ.ร.",
        (PlanStatus.Approved, false) => "Approved, sent to OPDC",
        (_, true) => "ถูกแทนที่ด้วยฉบับใหม่",
        _ => "Superseded",
    };

    public static string ActionStatusLabel(ActionStatus s, bool thai) => (s, thai) switch
    {
        (ActionStatus.NotStarted, true) => "ยังไม่เริ่ม",
        (ActionStatus.NotStarted, false) => "Not started",
        (ActionStatus.InProgress, true) => "กำลังดำเนินการ",
        (ActionStatus.InProgress, false) => "In progress",
        (_, true) => "เสร็จแล้ว",
        _ => "Done",
    };

    public static string StandingLabel(ActionStanding s, bool thai) => (s, thai) switch
    {
        (ActionStanding.OnTrack, true) => "ตามแผน",
        (ActionStanding.OnTrack, false) => "On track",
        (ActionStanding.Late, true) => "ล่าช้า",
        (ActionStanding.Late, false) => "Late",
        (_, true) => "เสร็จแล้ว",
        _ => "Done",
    };

    public static string PeriodLabel(ReportPeriod p, bool thai) => (p, thai) switch
    {
        (ReportPeriod.Month6, true) => "รายงานรอบ 6 เดือน",
        (ReportPeriod.Month6, false) => "6-month report",
        (_, true) => "รายงานรอบ 12 เดือน",
        _ => "12-month report",
    };
}
