namespace Pmqa.Web.Features.Practices;

public static class PracticeSetup
{
    /// <summary>The search index is one per process, shared by every request (ADR 0022).</summary>
    public static IServiceCollection AddPractices(this IServiceCollection services) => services
        .AddSingleton<PracticeSearch>().AddScoped<PracticeQueries>().AddScoped<PracticeCommands>()
        .AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PracticeReaderHandler>();
}
