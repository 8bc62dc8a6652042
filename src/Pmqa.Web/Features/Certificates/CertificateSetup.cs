using Microsoft.AspNetCore.Authorization;
using Pmqa.Web.Features.Awards;

namespace Pmqa.Web.Features.Certificates;

/// <summary>What shows and exports the outcome of certification: certificates (PDF, public verification)
/// and the award candidates of a round.</summary>
public static class CertificateSetup
{
    public const string ReaderPolicy = "CertificateReader";

    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddOptions<PdfOptions>().BindConfiguration("Pdf");
        services.AddSingleton<PrintSlots>().AddSingleton<PdfPrinter>().AddSingleton<PrintFonts>();
        services.AddSingleton<Infrastructure.Web.PublicUrl>();
        services.AddScoped<RazorHtml>().AddScoped<CertificateQueries>().AddScoped<CertificatePdf>();
        services.Configure<AuthorizationOptions>(o =>
            o.AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().AddRequirements(new CertificateReaderRequirement())));
        services.AddScoped<IAuthorizationHandler, CertificateReaderHandler>();
        services.AddScoped<AwardCandidates>().AddScoped<SetAwardThresholds>();
        return services;
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        CertificatesApi.Map(api);
        AwardsApi.Map(api);
    }
}
