namespace Pmqa.Domain.Plans;

/// <summary>The answer to a requested plan transition: the new status, or why not (Thai and English).</summary>
public sealed record PlanTransition(PlanStatus? To, string? RefusalTh = null, string? RefusalEn = null)
{
    public bool Allowed => To is not null;
}

/// <summary>
/// The plan's state machine (ADR 0017):
/// Draft ─submit→ AwaitingApproval ─approve→ Approved (sent to OPDC); AwaitingApproval ─reject→ Draft.
/// Revising an approved plan makes a new Draft version (copy-on-revise); the old one becomes Superseded only
/// when the new one is approved, so an approved plan is always readable. Who may ask is the caller's business.
/// </summary>
public static class PlanTransitions
{
    private static readonly Dictionary<(PlanStatus, PlanStep), PlanStatus> Edges = new()
    {
        [(PlanStatus.Draft, PlanStep.Submit)] = PlanStatus.AwaitingApproval,
        [(PlanStatus.AwaitingApproval, PlanStep.Approve)] = PlanStatus.Approved,
        [(PlanStatus.AwaitingApproval, PlanStep.Reject)] = PlanStatus.Draft,
        // Revising leaves the approved version as it is; the status named is the new version's.
        [(PlanStatus.Approved, PlanStep.Revise)] = PlanStatus.Draft,
    };

    public static IReadOnlyCollection<(PlanStatus From, PlanStep Action)> AllowedPairs => Edges.Keys;

    /// <param name="deadline">The round's plan deadline (submission only); null when none is set.</param>
    /// <param name="projects">How many projects the plan has (an empty plan cannot be submitted).</param>
    public static PlanTransition Apply(PlanStatus from, PlanStep action, DateTimeOffset now, DateTimeOffset? deadline = null, int projects = 1)
    {
        if (!Edges.TryGetValue((from, action), out var to))
            return new(null, $"แผนที่อยู่ในสถานะ{StatusTh(from)} ทำขั้นตอนนี้ไม่ได้", $"A plan that is {StatusEn(from)} cannot do this.");
        if (action == PlanStep.Submit && deadline is { } due && now > due)
            return new(null, "เลยกำหนดส่งแผนของรอบการประเมินแล้ว", "The round's plan deadline has passed.");
        if (action == PlanStep.Submit && projects == 0)
            return new(null, "แผนต้องมีโครงการอย่างน้อยหนึ่งโครงการ", "The plan needs at least one project.");
        return new(to);
    }

    public static bool IsEditable(PlanStatus status) => status == PlanStatus.Draft;

    public static string StatusTh(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "ร่าง",
        PlanStatus.AwaitingApproval => "รออนุมัติ",
        PlanStatus.Approved => "อนุมัติและส่ง สำนักงาน ก.พ.ร. แล้ว",
        _ => "ถูกแทนที่ด้วยฉบับใหม่",
    };

    public static string StatusEn(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "a draft",
        PlanStatus.AwaitingApproval => "awaiting approval",
        PlanStatus.Approved => "approved and sent to OPDC",
        _ => "superseded by a newer version",
    };
}
