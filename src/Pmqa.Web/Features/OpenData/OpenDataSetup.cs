namespace Pmqa.Web.Features.OpenData;

public static class OpenDataSetup
{
    public static IServiceCollection AddOpenData(this IServiceCollection services) => services
        .AddScoped<ResultPublication>().AddScoped<VerificationClosing>().AddScoped<OpenDataQueries>()
        .AddScoped<StoredOpenDataFiles>().AddSingleton<OpenDataFileLocks>().AddSingleton<OpenDataFileRefresh>()
        .AddHostedService<OpenDataFileRefreshService>();
}
