using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;

namespace Pmqa.Web.Features.Digital;

/// <summary>A follow-up period as OPDC sets it: one Thai name (English optional), the "as of" date and the deadline.</summary>
public sealed record PeriodInput(string? NameTh, string? NameEn, DateOnly? StartsOn, DateOnly? Deadline);

/// <summary>A period with whether updates can be sent (its "as of" day came) and whether its deadline passed.</summary>
public sealed record PeriodView(Guid Id, string NameTh, string NameEn, DateOnly StartsOn, DateOnly Deadline, bool Open, bool Closed, int Version)
{
    public string ETag => $"\"{Version}\"";

    public static PeriodView Of(DigitalPeriod p, DateTimeOffset now) => new(p.Id, p.NameTh, p.NameEn.Length > 0 ? p.NameEn : p.NameTh, p.StartsOn, p.Deadline,
        FollowUpPeriods.IsOpenForUpdates(p.StartsOn, now), now >= FollowUpPeriods.EndOf(p.Deadline), p.Version);
}

/// <summary>Sending a period's update: which period, and the coordinator's note.</summary>
public sealed record UpdateInput(Guid? PeriodId, string? Note);

/// <summary>The executive's reason for sending an update back.</summary>
public sealed record ReturnInput(string? Reason);

/// <summary>An update with its frozen figures, its status and its lateness against the period's deadline.</summary>
public sealed record UpdateView(
    Guid Id, Guid PeriodId, string PeriodNameTh, string PeriodNameEn, DateOnly StartsOn, DateOnly Deadline, string Status, string Lateness,
    string Note, int Services, int FullyDigital, int FullyDigitalPercent, int OnCentralPlatform, int OnCentralPlatformPercent, int Datasets,
    DateTimeOffset SubmittedAt, string SubmittedBy, DateTimeOffset? ApprovedAt, string ApprovedBy, string ReturnReason, int Version)
{
    public string ETag => $"\"{Version}\"";

    public static UpdateView Of(DigitalUpdate u, DigitalPeriod p, DateTimeOffset now) => new(
        u.Id, p.Id, p.NameTh, p.NameEn.Length > 0 ? p.NameEn : p.NameTh, p.StartsOn, p.Deadline, u.Status.ApiName(),
        FollowUpPeriods.Of(p.Deadline, u.Status == UpdateStatus.Submitted ? u.ApprovedAt : null, now).ApiName(), u.Note,
        u.Services, u.FullyDigital, DigitalRules.Percent(u.FullyDigital, u.Services), u.OnCentralPlatform, DigitalRules.Percent(u.OnCentralPlatform, u.Services),
        u.Datasets, u.SubmittedAt, u.SubmittedBy, u.ApprovedAt, u.ApprovedBy, u.ReturnReason, u.Version);
}

/// <summary>One service as it was in the register when the update was sent.</summary>
public sealed record FrozenService(
    Guid Id, string Name, string Audience, string Channel, bool OnCentralPlatform, bool FullyDigital, string[] CommonServices, int TargetYear,
    string ExceptionReason, bool ExceptionGranted, string ResponsibleUnit, bool Internal);

/// <summary>An update with the copy of the register it froze.</summary>
public sealed record UpdateDetail(UpdateView Update, List<FrozenService> Services);

/// <summary>How the organisation stands for one period: its update (if any), status and lateness.</summary>
public sealed record PeriodStanding(PeriodView Period, Guid? UpdateId, string? Status, string Lateness);

/// <summary>An organisation's updates (newest period first) and its standing for every period that has started.</summary>
public sealed record UpdateList(List<PeriodStanding> Periods, List<UpdateView> Updates);

/// <summary>An organisation's line in OPDC's national view: the latest period whose deadline passed, how it stood
/// for it, and how many closed periods it was late or missing for.</summary>
/// <param name="TrendPoints">How far the share fully digital moved between the organisation's last two approved updates,
/// in percentage points (null with fewer than two): the trend OPDC reads beside the share.</param>
public sealed record FollowUpLine(Guid? PeriodId, string? PeriodNameTh, string? PeriodNameEn, DateOnly? Deadline, string Lateness,
    DateTimeOffset? ApprovedAt, int FlaggedPeriods, int? TrendPoints = null)
{
    public bool Flagged => Lateness is "late" or "missing";
    public static readonly FollowUpLine None = new(null, null, null, null, "none", null, 0);
}
