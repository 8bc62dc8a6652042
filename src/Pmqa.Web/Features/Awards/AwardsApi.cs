using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Awards;

public static class AwardsApi
{
    public sealed record ThresholdsBody(Dictionary<string, decimal?>? Thresholds, int? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rounds/{roundId:guid}").WithTags("Awards").RequireAuthorization(Policies.OpdcOfficer);
        group.MapGet("/award-candidates", async (Guid roundId, string? format, AwardCandidates awards, CancellationToken ct) =>
            {
                if (await awards.FindAsync(roundId, ct) is not { } list) return Results.NotFound();
                return format?.ToLowerInvariant() switch
                {
                    null or "" or "json" => Results.Ok(list),
                    "csv" => Results.File(AwardExports.Csv(list), "text/csv; charset=utf-8", AwardExports.FileName(list, "csv")),
                    "xlsx" => Results.File(AwardExports.Xlsx(list), AwardExports.XlsxContentType, AwardExports.FileName(list, "xlsx")),
                    _ => TypedResults.ValidationProblem(new Dictionary<string, string[]>
                        {
                            ["format"] = [Bilingual.T("รูปแบบต้องเป็น json, csv หรือ xlsx", "The format is json, csv or xlsx.")],
                        }, title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields")),
                };
            })
            .Produces<AwardCandidateList>().Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), AwardExports.XlsxContentType).ProducesValidationProblem()
            .WithSummary("Overall and per-category award candidates of the round; ?format=csv|xlsx for a spreadsheet");
        group.MapPut("/award-thresholds", async (Guid roundId, ThresholdsBody body, SetAwardThresholds handler, CancellationToken ct) =>
                (await handler.HandleAsync(new(roundId, body.Version, body.Thresholds), ct)).ToHttp(version => TypedResults.Ok(new NewVersion(version))))
            .WithSummary("Set the per-category award thresholds (0–500): {\"thresholds\":{\"1\":400,…}, \"version\"?}");
    }
}
