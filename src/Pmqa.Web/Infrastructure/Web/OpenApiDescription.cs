using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>What the OpenAPI document says about the API as a whole: its name, how to sign in, and how errors
/// look, so that a generated client and the reference page start from the same facts as the README.</summary>
public static class OpenApiDescription
{
    public static void Describe(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info = new OpenApiInfo
        {
            Title = "PMQA 4.0 Online API",
            Version = "v1",
            Description =
                "ระบบประเมินสถานะการพัฒนาคุณภาพการบริหารจัดการภาครัฐ 4.0 · Self-assessment against PMQA 4.0 and OPDC's verification.\n\n" +
                "Sign in with `POST /api/v1/auth/token` (e-mail and password) and send `Authorization: Bearer <token>`. " +
                "Errors are RFC 9457 problem documents, in Thai by default and in English with `Accept-Language: en`; " +
                "validation problems name the field (`indicators[0].baseline`). Versioned resources answer an `ETag`; " +
                "send it back as `If-Match` (412 when someone saved first, 428 when it is missing). Another agency's data answers 404.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "The opaque token from POST /api/v1/auth/token.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
        return Task.CompletedTask;
    });
}
