using Pmqa.Domain.Calendar;

namespace Pmqa.Domain.Tests.Calendar;

public sealed class RoundMilestonesTests
{
    private static readonly DateTimeOffset Opens = new(2026, 9, 30, 17, 0, 0, TimeSpan.Zero);

    private static RoundDates Dates(DateTimeOffset? plan = null, DateTimeOffset? visitsFrom = null, DateTimeOffset? visitsTo = null) =>
        new(Guid.NewGuid(), 2570, [EventAudience.Departments], Opens, Opens.AddMonths(6), plan, null, null, Opens.AddMonths(8), visitsFrom, visitsTo, Opens.AddMonths(11));

    [Fact]
    public void A_round_shows_the_dates_it_has_and_leaves_out_those_it_has_not()
    {
        var keys = RoundMilestones.Of(Dates()).Select(m => m.Key);
        Assert.Equal(["opens", "submission", "verification", "award"], keys);
        var withPlans = RoundMilestones.Of(Dates(plan: Opens.AddMonths(7), visitsFrom: Opens.AddMonths(9), visitsTo: Opens.AddMonths(10)));
        Assert.Contains(withPlans, m => m.Key == "plan" && m.Kind == EventKind.Deadline);
        var window = Assert.Single(withPlans, m => m.Key == "sitevisits");
        Assert.Equal(EventKind.SiteVisitWindow, window.Kind);
        Assert.Equal(Opens.AddMonths(10), window.End);
    }

    [Fact]
    public void Titles_name_the_BE_fiscal_year_in_both_languages()
    {
        var award = RoundMilestones.Of(Dates()).Single(m => m.Kind == EventKind.AwardCeremony);
        Assert.Contains("พ.ศ. 2570", award.TitleTh);
        Assert.Contains("2570 BE", award.TitleEn);
    }

    [Fact]
    public void A_round_for_departments_public_organisations_and_provinces_is_on_both_calendars()
    {
        Assert.Equal([EventAudience.Departments], RoundMilestones.AudiencesOf(["department", "publicOrganization"]));
        Assert.Equal([EventAudience.Departments, EventAudience.Provinces], RoundMilestones.AudiencesOf(["publicOrganization", "province"]));
    }
}
