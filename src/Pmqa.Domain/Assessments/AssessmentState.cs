namespace Pmqa.Domain.Assessments;

/// <summary>The states of an assessment over one fiscal year (shared/domain/workflow.md).</summary>
public enum AssessmentState
{
    Draft, AwaitingApproval, Submitted, UnderReview, Verified,
    SiteVisitOffered, SiteVisitScheduled, SiteVisited, Certified, NotCertified,
}

/// <summary>What people do to an assessment.</summary>
public enum AssessmentAction
{
    Submit, Approve, Reject, Reopen,
    /// <summary>OPDC gives the submitted assessment its review team.</summary>
    StartReview,
    /// <summary>The lead reviewer fixes the verified score from the consensus.</summary>
    Confirm,
    /// <summary>The executive is asked whether it wants a site visit (verified total at the threshold or above).</summary>
    OfferSiteVisit,
    AcceptSiteVisit, DeclineSiteVisit,
    /// <summary>The visit team has been and recorded its findings.</summary>
    CompleteSiteVisit,
    Certify, DenyCertification,
}

public static class AssessmentStates
{
    /// <summary>Sent to OPDC (approved by the executive) or any state after it. Queries use this list rather than
    /// <c>State &gt;= Submitted</c>: the state is stored as its name, and the database would compare the names
    /// alphabetically ("Certified" &lt; "Submitted").</summary>
    public static readonly AssessmentState[] SubmittedOrBeyond = Enum.GetValues<AssessmentState>().Where(s => s >= AssessmentState.Submitted).ToArray();

    /// <summary>Only a draft can be edited; everything after submission is frozen until OPDC reopens it.</summary>
    public static bool IsEditable(this AssessmentState state) => state == AssessmentState.Draft;

    /// <summary>The verified score exists from confirmation on.</summary>
    public static bool IsVerified(this AssessmentState state) => state >= AssessmentState.Verified;

    public static (string Th, string En) DisplayName(this AssessmentState state) => state switch
    {
        AssessmentState.Draft => ("ฉบับร่าง", "Draft"),
        AssessmentState.AwaitingApproval => ("รอผู้บริหารอนุมัติ", "Awaiting approval"),
        AssessmentState.Submitted => ("ส่งแล้ว", "Submitted"),
        AssessmentState.UnderReview => ("อยู่ระหว่างตรวจประเมิน", "Under review"),
        AssessmentState.Verified => ("ยืนยันผลแล้ว", "Verified"),
        AssessmentState.SiteVisitOffered => ("เสนอตรวจ ณ พื้นที่", "Site visit offered"),
        AssessmentState.SiteVisitScheduled => ("ตอบรับการตรวจ ณ พื้นที่", "Site visit accepted"),
        AssessmentState.SiteVisited => ("ตรวจ ณ พื้นที่แล้ว", "Site visited"),
        AssessmentState.Certified => ("ได้รับการรับรอง", "Certified"),
        AssessmentState.NotCertified => ("ไม่ได้รับการรับรอง", "Not certified"),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
