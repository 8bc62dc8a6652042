namespace Pmqa.Domain.Assessments;

/// <summary>The outcome of asking for a transition: the new state, or why it is refused.</summary>
public sealed record TransitionResult(AssessmentState? To, string? RefusalTh, string? RefusalEn)
{
    public bool Allowed => To is not null;

    internal static TransitionResult Refuse(string th, string en) => new(null, th, en);
}

/// <summary>
/// What the server knows about an assessment when a transition is asked for; the guards of the state
/// machine read it. Every fact defaults to the value that lets the agency's part of the year through.
/// </summary>
public sealed record TransitionFacts
{
    public bool ReviewTeamAssigned { get; init; }
    public bool AllReviewsSubmitted { get; init; }
    public bool ConsensusComplete { get; init; }
    public int OpenClarifications { get; init; }
    /// <summary>The rounded verified total reaches the round's site-visit threshold.</summary>
    public bool ReachesSiteVisitThreshold { get; init; }
    public bool VisitScheduled { get; init; }
    public bool FindingsRecorded { get; init; }

    public static readonly TransitionFacts None = new();
}

/// <summary>
/// The assessment state machine of workflow.md. Every transition the server performs asks here first;
/// an action that does not fit the current state, or whose precondition is not met, is refused with a
/// message in Thai and English. Who may ask is decided by the caller (roles are not the domain's).
/// </summary>
public static class Transitions
{
    private static readonly Dictionary<(AssessmentState, AssessmentAction), AssessmentState> Edges = new()
    {
        [(AssessmentState.Draft, AssessmentAction.Submit)] = AssessmentState.AwaitingApproval,
        [(AssessmentState.AwaitingApproval, AssessmentAction.Approve)] = AssessmentState.Submitted,
        [(AssessmentState.AwaitingApproval, AssessmentAction.Reject)] = AssessmentState.Draft,
        [(AssessmentState.Submitted, AssessmentAction.Reopen)] = AssessmentState.Draft,
        [(AssessmentState.AwaitingApproval, AssessmentAction.Reopen)] = AssessmentState.Draft,
        [(AssessmentState.Submitted, AssessmentAction.StartReview)] = AssessmentState.UnderReview,
        [(AssessmentState.UnderReview, AssessmentAction.Confirm)] = AssessmentState.Verified,
        [(AssessmentState.Verified, AssessmentAction.OfferSiteVisit)] = AssessmentState.SiteVisitOffered,
        [(AssessmentState.SiteVisitOffered, AssessmentAction.AcceptSiteVisit)] = AssessmentState.SiteVisitScheduled,
        [(AssessmentState.SiteVisitOffered, AssessmentAction.DeclineSiteVisit)] = AssessmentState.Verified,
        [(AssessmentState.SiteVisitScheduled, AssessmentAction.CompleteSiteVisit)] = AssessmentState.SiteVisited,
        [(AssessmentState.SiteVisited, AssessmentAction.Certify)] = AssessmentState.Certified,
        [(AssessmentState.SiteVisited, AssessmentAction.DenyCertification)] = AssessmentState.NotCertified,
    };

    /// <summary>Every (state, action) pair the machine allows, for tests and documentation.</summary>
    public static IReadOnlyCollection<(AssessmentState From, AssessmentAction Action)> AllowedPairs => Edges.Keys;

    public static TransitionResult Apply(AssessmentState from, AssessmentAction action) => Apply(from, action, TransitionFacts.None);

    public static TransitionResult Apply(AssessmentState from, AssessmentAction action, TransitionFacts facts)
    {
        if (!Edges.TryGetValue((from, action), out var to))
            return TransitionResult.Refuse(
                $"ไม่สามารถ{ActionTh(action)}การประเมินที่อยู่ในสถานะ \"{from.DisplayName().Th}\" ได้",
                $"An assessment that is {from.DisplayName().En.ToLowerInvariant()} cannot be {ActionEn(action)}.");
        return Guard(action, facts) ?? new TransitionResult(to, null, null);
    }

    /// <summary>The precondition of an action beyond its state, or null when it holds.</summary>
    private static TransitionResult? Guard(AssessmentAction action, TransitionFacts facts) => action switch
    {
        AssessmentAction.StartReview when !facts.ReviewTeamAssigned => TransitionResult.Refuse(
            "ต้องกำหนดคณะผู้ตรวจประเมิน (หัวหน้าคณะหนึ่งคน) ก่อนเริ่มตรวจประเมิน",
            "Assign a review team with one lead before the review starts."),
        AssessmentAction.Confirm when !facts.AllReviewsSubmitted => TransitionResult.Refuse(
            "ผู้ตรวจประเมินทุกคนต้องส่งผลการตรวจของตนก่อนยืนยันผล",
            "Every reviewer must submit their own review before the score is confirmed."),
        AssessmentAction.Confirm when !facts.ConsensusComplete => TransitionResult.Refuse(
            "ต้องบันทึกฉันทามติให้ครบทุกประเด็นก่อนยืนยันผล",
            "Record the consensus of every issue before confirming."),
        AssessmentAction.Confirm when facts.OpenClarifications > 0 => TransitionResult.Refuse(
            $"ยังมีคำถามขอความชัดเจนที่หน่วยงานยังไม่ได้ตอบหรือยังไม่ปิด {facts.OpenClarifications} รายการ",
            $"{facts.OpenClarifications} clarification question(s) are still open."),
        AssessmentAction.OfferSiteVisit when !facts.ReachesSiteVisitThreshold => TransitionResult.Refuse(
            "คะแนนที่ยืนยันแล้วยังไม่ถึงเกณฑ์การตรวจ ณ พื้นที่ของรอบนี้",
            "The verified score does not reach the round's site-visit threshold."),
        AssessmentAction.CompleteSiteVisit when !facts.VisitScheduled => TransitionResult.Refuse(
            "ต้องนัดหมายวันตรวจ ณ พื้นที่ก่อน", "Schedule the site visit first."),
        AssessmentAction.CompleteSiteVisit when !facts.FindingsRecorded => TransitionResult.Refuse(
            "ต้องบันทึกข้อค้นพบจากการตรวจ ณ พื้นที่อย่างน้อยหนึ่งประเด็น", "Record the visit's findings on at least one issue."),
        _ => null,
    };

    private static string ActionTh(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => "ส่ง",
        AssessmentAction.Approve => "อนุมัติ",
        AssessmentAction.Reject => "ส่งกลับ",
        AssessmentAction.Reopen => "เปิดให้แก้ไข",
        AssessmentAction.StartReview => "เริ่มตรวจประเมิน",
        AssessmentAction.Confirm => "ยืนยันผลคะแนน",
        AssessmentAction.OfferSiteVisit => "เสนอการตรวจ ณ พื้นที่ให้",
        AssessmentAction.AcceptSiteVisit => "ตอบรับการตรวจ ณ พื้นที่ของ",
        AssessmentAction.DeclineSiteVisit => "ปฏิเสธการตรวจ ณ พื้นที่ของ",
        AssessmentAction.CompleteSiteVisit => "บันทึกว่าตรวจ ณ พื้นที่แล้วสำหรับ",
        AssessmentAction.Certify => "รับรอง",
        _ => "ตัดสินไม่รับรอง",
    };

    private static string ActionEn(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => "submitted",
        AssessmentAction.Approve => "approved",
        AssessmentAction.Reject => "rejected",
        AssessmentAction.Reopen => "reopened",
        AssessmentAction.StartReview => "put under review",
        AssessmentAction.Confirm => "confirmed",
        AssessmentAction.OfferSiteVisit => "offered a site visit",
        AssessmentAction.AcceptSiteVisit => "accepted for a site visit",
        AssessmentAction.DeclineSiteVisit => "declined for a site visit",
        AssessmentAction.CompleteSiteVisit => "marked as visited",
        AssessmentAction.Certify => "certified",
        _ => "refused certification",
    };
}
