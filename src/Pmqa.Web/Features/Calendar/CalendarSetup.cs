namespace Pmqa.Web.Features.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services) => services
        .AddScoped<CalendarQueries>().AddScoped<EventCommands>().AddScoped<Registrations>().AddScoped<SeatKeeper>().AddScoped<OrganizationFeeds>()
        .AddScoped<DeadlineReminders>().AddHostedService<DeadlineReminderService>();
}
