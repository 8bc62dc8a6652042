namespace Pmqa.Domain.Plans;

/// <summary>Where an improvement plan stands (ADR 0017). Approval by the executive is also the moment the
/// plan goes to OPDC: there is no separate "send" step an agency could forget.</summary>
public enum PlanStatus
{
    /// <summary>The coordinator edits projects and actions.</summary>
    Draft,
    /// <summary>Submitted by the coordinator, waiting for the executive; nothing can be edited.</summary>
    AwaitingApproval,
    /// <summary>Approved by the executive and sent to OPDC: frozen, commented by OPDC, followed up by reports.</summary>
    Approved,
    /// <summary>A later version of the plan was approved; this one stays readable as it was.</summary>
    Superseded,
}

public enum PlanStep { Submit, Approve, Reject, Revise }

public enum PlanHorizon { OneYear, ThreeYear }

public enum ActionStatus { NotStarted, InProgress, Done }

public enum ReportPeriod { Month6, Month12 }

/// <summary>How an action stands for OPDC's table and the agency's home.</summary>
public enum ActionStanding { OnTrack, Late, Done }
