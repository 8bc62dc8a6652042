using Pmqa.Domain.Calendar;
using Pmqa.Domain.Organizations;

namespace Pmqa.Domain.Tests.Calendar;

public sealed class SeatsTests
{
    [Fact]
    public void Participants_get_the_free_seats_in_order_and_the_rest_wait()
    {
        Assert.Equal([SeatStatus.Confirmed, SeatStatus.Waiting, SeatStatus.Waiting], Seats.Allocate(capacity: 10, confirmed: 9, newParticipants: 3));
        Assert.All(Seats.Allocate(capacity: null, confirmed: 500, newParticipants: 4), s => Assert.Equal(SeatStatus.Confirmed, s));
        // A capacity lowered below the seats taken gives no seat, never a negative count.
        Assert.Equal([SeatStatus.Waiting], Seats.Allocate(capacity: 5, confirmed: 8, newParticipants: 1));
    }

    [Fact]
    public void As_many_move_up_as_seats_are_free_and_no_more_than_wait()
    {
        Assert.Equal(1, Seats.ToPromote(capacity: 10, confirmed: 9, waiting: 4));
        Assert.Equal(2, Seats.ToPromote(capacity: 10, confirmed: 5, waiting: 2));
        Assert.Equal(0, Seats.ToPromote(capacity: 10, confirmed: 12, waiting: 3));
        Assert.Equal(3, Seats.ToPromote(capacity: null, confirmed: 100, waiting: 3));
    }

    [Fact]
    public void The_organisation_limit_counts_seats_and_waiting_places_together()
    {
        Assert.True(Seats.WithinOrganizationLimit(3, alreadyRegistered: 1, adding: 2));
        Assert.False(Seats.WithinOrganizationLimit(3, alreadyRegistered: 2, adding: 2));
    }

    [Fact]
    public void Registration_closes_at_its_deadline_or_at_the_start_and_never_opens_for_a_cancelled_event()
    {
        var start = new DateTimeOffset(2027, 2, 3, 2, 30, 0, TimeSpan.Zero);
        Assert.True(Seats.IsOpen(start.AddDays(-1), start, null, cancelled: false));
        Assert.False(Seats.IsOpen(start.AddMinutes(1), start, null, cancelled: false));
        Assert.False(Seats.IsOpen(start.AddDays(-1), start, start.AddDays(-2), cancelled: false));
        Assert.False(Seats.IsOpen(start.AddDays(-3), start, null, cancelled: true));
    }

    [Fact]
    public void Provinces_have_their_calendar_departments_and_public_organisations_share_the_other_and_everyones_entries_are_on_both()
    {
        Assert.Equal(EventAudience.Provinces, EventNames.AudienceOf(OrganizationType.Province));
        Assert.Equal(EventAudience.Departments, EventNames.AudienceOf(OrganizationType.PublicOrganization));
        Assert.True(EventAudience.Everyone.IsOn(EventAudience.Provinces));
        Assert.False(EventAudience.Departments.IsOn(EventAudience.Provinces));
        Assert.True(EventAudience.Provinces.IsOn(EventAudience.Everyone));
    }
}
