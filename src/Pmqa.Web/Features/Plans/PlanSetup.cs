using Microsoft.AspNetCore.Authorization;

namespace Pmqa.Web.Features.Plans;

public static class PlanSetup
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddScoped<PlanAccess>().AddScoped<PlanCommands>().AddScoped<PlanWorkflow>().AddScoped<PlanComments>().AddScoped<PlanReports>()
        .AddScoped<PlanQueries>().AddScoped<PlanWork>().AddScoped<PlanReminders>().AddScoped<PlanPdf>()
        .AddHostedService<PlanReminderService>()
        .AddScoped<IAuthorizationHandler, PlanMemberHandler>();
}
