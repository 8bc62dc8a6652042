using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>OpenAPI metadata of a versioned save (<c>PUT</c> with <c>If-Match</c>): its body type, and the problems
/// a client must handle — 400 fields, 403/404/409 refusals, 412 someone saved first, 428 no If-Match.</summary>
public static class VersionedEndpoints
{
    public static RouteHandlerBuilder ProducesVersioned<T>(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<T>(StatusCodes.Status200OK)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
