using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Pmqa.Web.Features.Evidence;

public static class EvidenceSetup
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration("Evidence")
            .Validate(o => o.MaxBytes > 0, "Evidence:MaxBytes must be a positive number of bytes.");
        services.AddScoped<EvidenceCommands>().AddScoped<EvidenceQueries>().AddScoped<EvidencePanels>();
        // The page that receives uploads refuses a request larger than the limit while reading it, as the API does.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<EvidenceOptions>>((pages, evidence) =>
            pages.Conventions.AddPageApplicationModelConvention("/Evidence/Manage", page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(evidence.Value.RequestLimit));
                page.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = evidence.Value.RequestLimit });
            }));
        return services;
    }
}
