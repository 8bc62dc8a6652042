using Pmqa.Data.Entities;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>OPDC's national dashboard (issue 10) and an agency's anonymous benchmark.</summary>
public static class DashboardApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var round = api.MapGroup("/rounds/{roundId:guid}").WithTags("Dashboard").RequireAuthorization(Policies.OpdcOfficer);
        round.MapGet("/dashboard", async (Guid roundId, string? type, string? ministry, string? cluster, string? band, string? sort, bool? desc, int? page,
                DashboardQueries queries, CancellationToken ct) =>
                (await Filtered(type, ministry, cluster, band, f => queries.DashboardAsync(roundId, f, sort, desc, page, ct))).ToHttp(TypedResults.Ok))
            .WithSummary("The round's figures: progress, distribution, category quartiles with verified and calibration, heat map page, dimensions, at threshold, most missed items");
        round.MapGet("/organizations", async (Guid roundId, string? type, string? ministry, string? cluster, string? band,
                string? stage, string? basis, string? category, string? dimension, string? issue, decimal? scoreFrom, decimal? scoreTo,
                string? missedItem, bool? atThreshold, string? sort, bool? desc, int? page, DashboardQueries queries, CancellationToken ct) =>
                (await Filtered(type, ministry, cluster, band, f => queries.OrganizationsAsync(roundId, f,
                    new DrillQuery(stage, basis, category, dimension, issue, scoreFrom, scoreTo, missedItem, atThreshold, sort, desc, page), ct))).ToHttp(TypedResults.Ok))
            .WithSummary("The organisations behind a dashboard figure, 50 a page: ?stage=, ?basis=self|verified with ?category=|dimension=|issue= and ?scoreFrom=&scoreTo=, ?missedItem=, ?atThreshold=true");
        round.MapGet("/dashboard.xlsx", async (Guid roundId, string? type, string? ministry, string? cluster, string? band, string? sort, bool? desc,
                RoundFacts facts, CancellationToken ct) =>
            {
                var loaded = await Filtered(type, ministry, cluster, band, f => facts.LoadFilledAsync(roundId, f, ct));
                if (loaded is not Outcome<RoundData>.Ok { Value: var data }) return loaded.Failure();
                if (Sorting.Parse(sort, desc, 1, data.Pack) is not { } sorting) return SortProblem();
                return TypedResults.File(DashboardExports.Xlsx(DashboardTables.All(data, sorting)), DashboardExports.XlsxContentType, DashboardExports.FileName(data, "all", "xlsx"));
            })
            .Produces(StatusCodes.Status200OK, typeof(byte[]), DashboardExports.XlsxContentType).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every table of the dashboard, one sheet each (the heat map with every organisation), same filters");
        round.MapGet("/dashboard.csv", async (Guid roundId, string? table, string? type, string? ministry, string? cluster, string? band, string? sort, bool? desc,
                RoundFacts facts, CancellationToken ct) =>
            {
                var loaded = await Filtered(type, ministry, cluster, band, f => facts.LoadFilledAsync(roundId, f, ct));
                if (loaded is not Outcome<RoundData>.Ok { Value: var data }) return loaded.Failure();
                if (Sorting.Parse(sort, desc, 1, data.Pack) is not { } sorting) return SortProblem();
                if (DashboardTables.One(table ?? "heatmap", data, sorting) is not { } sheet) return TableProblem();
                return TypedResults.File(DashboardExports.Csv(sheet), "text/csv; charset=utf-8", DashboardExports.FileName(data, sheet.Name, "csv"));
            })
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One table of the dashboard as CSV (UTF-8 with BOM): ?table=progress|distribution|categories|dimensions|heatmap (the default)|at-threshold|missed-items");

        api.MapGet("/dashboard/trend", async (string? type, string? ministry, string? cluster, DashboardQueries queries, CancellationToken ct) =>
                (await Filtered(type, ministry, cluster, null, f => queries.TrendAsync(f, ct))).ToHttp(TypedResults.Ok))
            .WithTags("Dashboard").RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("Per fiscal year: organisations, submitted, verified, certified, at the threshold, quartiles of self-assessed and verified totals");

        api.MapGet("/assessments/{assessmentId:guid}/benchmark", async (Guid assessmentId, AssessmentAccess access, DashboardQueries queries, CancellationToken ct) =>
                (await access.FindAsync(assessmentId, AssessmentPermission.View, ct) is Outcome<Assessment>.Ok
                    ? await queries.BenchmarkAsync(assessmentId, ct)
                    : new Outcome<BenchmarkView>.NotFound()).ToHttp(TypedResults.Ok))
            .WithTags("Dashboard").RequireAuthorization(Policies.AssessmentMember)
            .WithSummary("The agency's anonymous percentiles among the submitted organisations of its type, per category and total; empty parts (shown: false) for a group under 5");
    }

    private static async Task<Outcome<T>> Filtered<T>(string? type, string? ministry, string? cluster, string? band, Func<DashboardFilter, Task<Outcome<T>>> next)
    {
        var parsed = DashboardFilter.Parse(type, ministry, cluster, band);
        return parsed is Outcome<DashboardFilter>.Ok { Value: var filter } ? await next(filter) : parsed.As<T>();
    }

    private static IResult TableProblem() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["table"] = [Bilingual.T("ตารางต้องเป็น " + string.Join(", ", DashboardTables.Names), "The table is one of " + string.Join(", ", DashboardTables.Names) + ".")] },
        title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields"));

    private static IResult SortProblem() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["sort"] = [Bilingual.T("เรียงได้ตาม code, name, total, verified หรือรหัสประเด็น", "Sort by code, name, total, verified or an issue's code.")] },
        title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields"));
}
