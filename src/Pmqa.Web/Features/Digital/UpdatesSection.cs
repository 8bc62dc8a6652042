using Microsoft.AspNetCore.Mvc;
using Pmqa.Domain.Digital;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>What the "รายงานความก้าวหน้า" section draws (ADR 0027): the period reported on now with the
/// organisation's update for it, who may act, past updates with their frozen figures and the trend by year.</summary>
public sealed record UpdatesSection(Guid OrgId, PeriodStanding? Current, UpdateView? CurrentUpdate, bool CanSubmit, bool CanDecide,
    List<PeriodStanding> Periods, List<UpdateView> Updates, string? Note = null, string? Reason = null)
{
    /// <summary>Per BE year of the "as of" date, the last approved update's figures: the path the agency actually took.</summary>
    public IEnumerable<UpdateView> TrendByYear => Updates.Where(u => u.Status == "submitted")
        .GroupBy(u => YearBe(u.StartsOn)).OrderBy(g => g.Key).Select(g => g.MaxBy(u => u.StartsOn)!);

    public static int YearBe(DateOnly d) => d.Year + Domain.Time.ThaiTime.BuddhistEraOffset;

    public static async Task<UpdatesSection?> LoadAsync(DigitalUpdates updates, TimeProvider clock, Guid orgId, CancellationToken ct)
    {
        if (await updates.ListAsync(orgId, ct) is not Outcome<UpdateList>.Ok { Value: var list }) return null;
        var current = FollowUpPeriods.Current(list.Periods, p => p.Period.StartsOn, p => p.Period.Deadline, clock.GetUtcNow());
        var (submit, decide) = await updates.RightsAsync(orgId);
        return new UpdatesSection(orgId, current, list.Updates.FirstOrDefault(u => u.PeriodId == current?.Period.Id), submit, decide, list.Periods, list.Updates);
    }
}

/// <summary>Draws the section on the organisation's digital page; its forms post to <c>/organizations/{orgId}/digital/updates</c>.</summary>
public sealed class DigitalUpdatesViewComponent(DigitalUpdates updates, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid orgId) =>
        await UpdatesSection.LoadAsync(updates, clock, orgId, HttpContext.RequestAborted) is { } section
            ? View("~/Features/Digital/_DigitalUpdates.cshtml", section) : Content("");
}
