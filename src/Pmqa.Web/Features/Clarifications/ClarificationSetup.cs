using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Pmqa.Web.Features.Evidence;

namespace Pmqa.Web.Features.Clarifications;

public static class ClarificationSetup
{
    public static IServiceCollection AddClarifications(this IServiceCollection services)
    {
        services.AddScoped<ClarificationHandlers>().AddScoped<ClarificationQueries>();
        // The thread page receives the agency's evidence uploads: the same size limit as the evidence page.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<EvidenceOptions>>((pages, evidence) =>
            pages.Conventions.AddPageApplicationModelConvention("/Clarifications/Thread", page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(evidence.Value.RequestLimit));
                page.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = evidence.Value.RequestLimit });
            }));
        return services;
    }
}
