using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports.RoundPrints;

/// <summary>OPDC prints every agency's report of a round as one job and downloads the ZIP (ADR 0038).</summary>
public static class RoundReportPrintsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rounds/{roundId:guid}/report-prints").WithTags("Reports").RequireAuthorization(Policies.OpdcOfficer);
        group.MapPost("/", async (Guid roundId, RoundReportPrints prints, CancellationToken ct) =>
                (await prints.StartAsync(roundId, ct)).ToHttp(job => TypedResults.Accepted($"/api/v1/rounds/{roundId}/report-prints/latest", job.ForApi())))
            .WithSummary("Queue printing every submitted agency's report of the round as PDFs into one ZIP (202 with the job; asked again while it runs, the same job)");
        group.MapGet("/latest", async Task<Results<Ok<RoundReportPrintView>, NotFound>> (Guid roundId, RoundReportPrints prints, CancellationToken ct) =>
                await prints.LatestAsync(roundId, ct) is { } job ? TypedResults.Ok(job.ForApi()) : TypedResults.NotFound())
            .WithSummary("The round's newest report-printing job: state (queued, running, done, failed), reports printed of the total, and when done the ZIP's API address");
        group.MapGet("/{jobId:guid}/reports.zip", async (Guid roundId, Guid jobId, RoundReportPrints prints, CancellationToken ct) =>
                await prints.OpenZipAsync(roundId, jobId, ct) is { } zip
                    ? Results.File(zip.Content, "application/zip", zip.FileName)
                    : Results.Problem(statusCode: 404, title: Bilingual.T("ไม่พบไฟล์ หรือยังพิมพ์ไม่เสร็จ", "Not found, or not finished printing")))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/zip").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every agency's report PDF of a finished job in one ZIP (entries named by organisation code and Thai name)");
    }
}
