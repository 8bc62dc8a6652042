using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// A handler's refusal as an RFC 9457 problem: 403 (the role may not), 404 (not there, or not the caller's to
/// see) or 409 (the state or a newer change forbids it). As a result type it tells the OpenAPI document that
/// every endpoint answering an <see cref="Outcome{T}"/> may answer these three with a problem body.
/// </summary>
public sealed class OutcomeProblem : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly ProblemHttpResult _problem;

    private OutcomeProblem(ProblemHttpResult problem) => _problem = problem;

    public int? StatusCode => _problem.StatusCode;

    public ProblemDetails Problem => _problem.ProblemDetails;

    public static OutcomeProblem Of<T>(Outcome<T> failure) => new(failure switch
    {
        Outcome<T>.Conflict c => TypedResults.Problem(c.Message.ToString(), statusCode: StatusCodes.Status409Conflict,
            title: Bilingual.T("ไม่สามารถดำเนินการได้", "The change conflicts with the current state")),
        Outcome<T>.Forbidden f => TypedResults.Problem(f.Message.ToString(), statusCode: StatusCodes.Status403Forbidden,
            title: Bilingual.T("บทบาทของคุณทำสิ่งนี้ไม่ได้", "Your role cannot do this")),
        Outcome<T>.Ok or Outcome<T>.Invalid => throw new ArgumentException("Only a refusal is a problem.", nameof(failure)),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Bilingual.T("ไม่พบข้อมูล", "Not found")),
    });

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        foreach (var status in new[] { StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict })
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
