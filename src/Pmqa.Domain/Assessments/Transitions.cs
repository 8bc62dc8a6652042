namespace Pmqa.Domain.Assessments;

/// <summary>The outcome of asking for a transition: the new state, or why it is refused.</summary>
public sealed record TransitionResult(AssessmentState? To, string? RefusalTh, string? RefusalEn)
{
    public bool Allowed => To is not null;
}

/// <summary>
/// The assessment state machine for the agency's part of the year. Every transition the server performs
/// asks here first; an action that does not fit the current state is refused with a message.
/// </summary>
public static class Transitions
{
    private static readonly Dictionary<(AssessmentState, AssessmentAction), AssessmentState> Allowed = new()
    {
        [(AssessmentState.Draft, AssessmentAction.Submit)] = AssessmentState.AwaitingApproval,
        [(AssessmentState.AwaitingApproval, AssessmentAction.Approve)] = AssessmentState.Submitted,
        [(AssessmentState.AwaitingApproval, AssessmentAction.Reject)] = AssessmentState.Draft,
        [(AssessmentState.Submitted, AssessmentAction.Reopen)] = AssessmentState.Draft,
        [(AssessmentState.AwaitingApproval, AssessmentAction.Reopen)] = AssessmentState.Draft,
    };

    public static TransitionResult Apply(AssessmentState from, AssessmentAction action) =>
        Allowed.TryGetValue((from, action), out var to)
            ? new TransitionResult(to, null, null)
            : new TransitionResult(null,
                $"ไม่สามารถ{ActionTh(action)}การประเมินที่อยู่ในสถานะ \"{from.DisplayName().Th}\" ได้",
                $"An assessment that is {from.DisplayName().En.ToLowerInvariant()} cannot be {ActionEn(action)}.");

    private static string ActionTh(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => "ส่ง", AssessmentAction.Approve => "อนุมัติ",
        AssessmentAction.Reject => "ส่งกลับ", _ => "เปิดให้แก้ไข",
    };

    private static string ActionEn(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => "submitted", AssessmentAction.Approve => "approved",
        AssessmentAction.Reject => "rejected", _ => "reopened",
    };
}
