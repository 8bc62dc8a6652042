using Pmqa.Domain.Digital;

namespace Pmqa.Domain.Tests.Digital;

public sealed class DigitalProgressTests
{
    private static ServiceFacts Done(ServiceChannel channel = ServiceChannel.CitizenPortal) => new(true, channel, 2566, false);
    private static ServiceFacts ToDo(int year, bool granted = false, ServiceChannel channel = ServiceChannel.CounterOnly) => new(false, channel, year, granted);

    [Fact]
    public void Shares_count_services_fully_digital_and_on_a_central_platform_as_whole_percentages()
    {
        // 3 services: 1 fully digital on Citizen Portal, 1 on Biz Portal not yet fully digital, 1 at the counter.
        var figures = DigitalProgress.Figures([Done(), ToDo(2570, channel: ServiceChannel.BizPortal), ToDo(2569)]);
        Assert.Equal(3, figures.Services);
        Assert.Equal(1, figures.FullyDigital);
        Assert.Equal(33, figures.FullyDigitalPercent);
        Assert.Equal(2, figures.OnCentralPlatform);
        Assert.Equal(67, figures.OnCentralPlatformPercent);
        Assert.Equal(2, figures.Remaining);
        Assert.Equal(2570, figures.LatestTargetYear);
        Assert.False(figures.AtRisk);
    }

    [Fact]
    public void An_empty_register_has_nothing_to_do_and_no_share()
    {
        var figures = DigitalProgress.Figures([]);
        Assert.Equal(new ProgressFigures(0, 0, 0, 0, 0, 0, null, false), figures);
    }

    [Fact]
    public void A_remaining_service_after_2570_is_at_risk_until_OPDC_grants_the_exception()
    {
        Assert.True(DigitalProgress.Figures([Done(), ToDo(2572)]).AtRisk);
        Assert.False(DigitalProgress.Figures([Done(), ToDo(2572, granted: true)]).AtRisk);
        Assert.Equal(2572, DigitalProgress.Figures([ToDo(2572, granted: true), ToDo(2568)]).LatestTargetYear);
        // A service fully digital already is never at risk, whatever its old target said.
        Assert.False(DigitalProgress.Figures([new ServiceFacts(true, ServiceChannel.OwnEService, 2575, false)]).AtRisk);
    }

    [Fact]
    public void The_planned_path_adds_each_year_the_services_whose_target_has_come()
    {
        // 4 services: 1 done, targets 2568, 2570 and 2573 (excepted): 25% now, 50% by 2568, 75% by 2570.
        var path = DigitalProgress.Path([Done(), ToDo(2568), ToDo(2570), ToDo(2573, granted: true)], 2567);
        Assert.Equal([new(2567, 1, 25), new(2568, 2, 50), new(2569, 2, 50), new(2570, 3, 75)], path);
    }

    [Fact]
    public void After_2570_the_path_is_this_year_alone()
    {
        var path = DigitalProgress.Path([Done(), ToDo(2572)], 2571);
        Assert.Equal([new PathYear(2571, 1, 50)], path);
    }

    [Fact]
    public void Groups_add_up_their_members_services_not_their_shares()
    {
        // Ministry A: one organisation with 1 of 1 done, another with 0 of 3; ministry B: 1 of 2 done.
        var orgs = new[] { ("A", new[] { Done() }), ("A", new[] { ToDo(2569), ToDo(2569), ToDo(2570) }), ("B", new[] { Done(), ToDo(2575) }) };
        var groups = DigitalProgress.ByGroup(orgs, o => o.Item1, o => o.Item2);
        Assert.Equal(["A", "B"], groups.Select(g => g.Key));
        Assert.Equal(25, groups[0].Figures.FullyDigitalPercent); // 1 of 4, not the mean of 100% and 0%
        Assert.Equal(4, groups[0].Figures.Services);
        Assert.True(groups[1].Figures.AtRisk);
        Assert.False(groups[0].Figures.AtRisk);
    }
}
