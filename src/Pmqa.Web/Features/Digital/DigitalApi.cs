using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Domain.Digital;
using Pmqa.Web.Features.Dashboard;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>The digital-government register (issue 12, ADR 0025). Routes carry <c>{orgId}</c>, so another agency's
/// register answers 404 before anything runs (ADR 0013); the organisation's coordinator and OPDC change it.</summary>
public static class DigitalApi
{
    /// <summary>A CSV file larger than this is not a list of one agency's services.</summary>
    public const int MaxCsvBytes = 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var org = api.MapGroup("/organizations/{orgId:guid}").WithTags("Digital government");
        org.MapGet("/services", async (Guid orgId, DigitalServices services, CancellationToken ct) =>
                (await services.ListAsync(orgId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("The organisation's public services with the shares fully digital and on a central platform (Citizen Portal, Biz Portal)");
        org.MapPost("/services", async (Guid orgId, ServiceInput body, DigitalServices services, CancellationToken ct) =>
                (await services.CreateAsync(orgId, body, ct)).ToHttp(view => TypedResults.Created(Link(orgId, view.Id), view)))
            .WithSummary("Add a service {name, audience: people|businesses|government, legalBasis, channel: counterOnly|ownEService|citizenPortal|bizPortal, fullyDigital, commonServices: [eForm, eSubmission, identityVerification, ePayment, eNotification, eDocument], targetYear (BE, ≤ 2570 unless exceptionReason), digitisedYear (BE, when fullyDigital: the year it became so; absent = this year, or the stored year on a change), responsibleUnit, link, evidenceReference, internal}; exceptionGranted is OPDC's");
        org.MapGet("/services/{serviceId:guid}", async (Guid orgId, Guid serviceId, HttpResponse response, DigitalServices services, CancellationToken ct) =>
                (await services.GetAsync(orgId, serviceId, ct)).ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); }))
            .WithSummary("One service with its ETag");
        org.MapPut("/services/{serviceId:guid}", async Task<IResult> (Guid orgId, Guid serviceId, ServiceInput body, HttpRequest request, HttpResponse response, DigitalServices services, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
                var outcome = await services.UpdateAsync(orgId, serviceId, version, body, ct);
                if (outcome is Outcome<ServiceView>.Conflict c && c.Message == DigitalServices.StaleMessage) return Preconditions.Stale(c.Message);
                return outcome.ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); });
            })
            .ProducesVersioned<ServiceView>().WithSummary("Change a service (the whole service as in POST); If-Match: the service's ETag");
        org.MapDelete("/services/{serviceId:guid}", async Task<IResult> (Guid orgId, Guid serviceId, HttpRequest request, DigitalServices services, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
                var outcome = await services.DeleteAsync(orgId, serviceId, version, ct);
                if (outcome is Outcome<bool>.Conflict c && c.Message == DigitalServices.StaleMessage) return Preconditions.Stale(c.Message);
                return outcome.ToHttp(_ => TypedResults.NoContent());
            })
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Remove a service (the audit trail keeps it); If-Match: the service's ETag");
        org.MapPost("/services/import", ImportAsync)
            .Accepts<string>("text/csv", "text/plain", "multipart/form-data")
            .Produces<ImportedServices>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import services from CSV (the body as text/csv, or multipart field `file`), headers in Thai or English (see README). All or nothing: with any bad row nothing is imported and the answer is a 400 problem listing every row's problems {row, field, message}");

        org.MapGet("/datasets", async (Guid orgId, DigitalLists lists, CancellationToken ct) => (await lists.DatasetsAsync(orgId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("The organisation's datasets in the government data catalogue (GD Catalog)");
        org.MapPost("/datasets", async (Guid orgId, DatasetInput body, DigitalLists lists, CancellationToken ct) =>
                (await lists.AddDatasetAsync(orgId, body, ct)).ToHttp(view => TypedResults.Created($"/api/v1/organizations/{orgId}/datasets", view)))
            .WithSummary("Register a dataset {title, catalogUrl, updateFrequency: daily|weekly|monthly|quarterly|yearly|irregular, lastUpdated}");
        org.MapGet("/area-projects", async (Guid orgId, DigitalLists lists, CancellationToken ct) => (await lists.AreaProjectsAsync(orgId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("A province's area-based key project sets (404 for an organisation that is not a province)");
        org.MapPost("/area-projects", async (Guid orgId, AreaProjectInput body, DigitalLists lists, CancellationToken ct) =>
                (await lists.AddAreaProjectAsync(orgId, body, ct)).ToHttp(view => TypedResults.Created($"/api/v1/organizations/{orgId}/area-projects", view)))
            .WithSummary("Add a province's area project {name, valueChain, partnerAgencies, budget (baht), status: planned|inProgress|done}");

        org.MapGet("/exchanges", async (Guid orgId, DigitalLists lists, CancellationToken ct) => (await lists.ExchangesAsync(orgId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("The organisation's data exchanges with other agencies");
        org.MapPost("/exchanges", async (Guid orgId, ExchangeInput body, DigitalLists lists, CancellationToken ct) =>
                (await lists.AddExchangeAsync(orgId, body, ct)).ToHttp(view => TypedResults.Created($"/api/v1/organizations/{orgId}/exchanges/{view.Id}", view)))
            .WithSummary("Register a data exchange {partnerAgency, data, direction: send|receive|both, since}");
        org.MapGet("/channels", async (Guid orgId, DigitalLists lists, CancellationToken ct) => (await lists.ChannelsAsync(orgId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("A province's public participation channels (404 for an organisation that is not a province)");
        org.MapPost("/channels", async (Guid orgId, ChannelInput body, DigitalLists lists, CancellationToken ct) =>
                (await lists.AddChannelAsync(orgId, body, ct)).ToHttp(view => TypedResults.Created($"/api/v1/organizations/{orgId}/channels/{view.Id}", view)))
            .WithSummary("Add a province's participation channel {name, usage}");
        MapEntry<DatasetInput, DatasetView>(org, "datasets", "dataset", v => v.Version,
            (e, o, id, ct) => e.DatasetAsync(o, id, ct), (e, o, id, v, b, ct) => e.UpdateDatasetAsync(o, id, v, b, ct), (e, o, id, v, ct) => e.DeleteDatasetAsync(o, id, v, ct));
        MapEntry<ExchangeInput, ExchangeView>(org, "exchanges", "data exchange", v => v.Version,
            (e, o, id, ct) => e.ExchangeAsync(o, id, ct), (e, o, id, v, b, ct) => e.UpdateExchangeAsync(o, id, v, b, ct), (e, o, id, v, ct) => e.DeleteExchangeAsync(o, id, v, ct));
        MapEntry<AreaProjectInput, AreaProjectView>(org, "area-projects", "area project (provinces)", v => v.Version,
            (e, o, id, ct) => e.AreaProjectAsync(o, id, ct), (e, o, id, v, b, ct) => e.UpdateAreaProjectAsync(o, id, v, b, ct), (e, o, id, v, ct) => e.DeleteAreaProjectAsync(o, id, v, ct));
        MapEntry<ChannelInput, ChannelView>(org, "channels", "participation channel (provinces)", v => v.Version,
            (e, o, id, ct) => e.ChannelAsync(o, id, ct), (e, o, id, v, b, ct) => e.UpdateChannelAsync(o, id, v, b, ct), (e, o, id, v, ct) => e.DeleteChannelAsync(o, id, v, ct));

        org.MapGet("/digital-progress", async (Guid orgId, DigitalProgressQueries queries, CancellationToken ct) =>
                (await queries.OrganizationAsync(orgId, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("The organisation's figures (services, fully digital and on a central platform with shares, still to do, latest target year, pace: services digitised a year, yearsNeeded at that pace, behindPace, atRisk), its planned path (per BE year to 2570, the share planned fully digital) and actual (per BE year, the share fully digital by its end, from digitisedYear)");

        api.MapGet("/assessments/{assessmentId:guid}/digital-indicators", async (Guid assessmentId, DigitalIndicatorQueries offer, CancellationToken ct) =>
                (await offer.OfferAsync(assessmentId, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Digital government").RequireAuthorization(Policies.AssessmentMember)
            .WithSummary("The organisation's digital register as category 7 indicators (ADR 0028): share of services fully digital, share on a central platform, datasets in the GD Catalog, each with r2, r1, r0 for the assessment's fiscal year and the two before (years). To use them, add them to a category 7 results issue's indicators with PUT …/issues/{issueCode} (If-Match)");

        var open = api.MapGroup("/open-data").WithTags("Open data").AllowAnonymous();
        open.MapGet("/digital-progress.csv", async (HttpContext http, DigitalOpenData data, CancellationToken ct) =>
                DigitalOpenData.File(http, DigitalOpenData.Csv(await data.RowsAsync(ct)), "text/csv; charset=utf-8", "pmqa-digital-progress.csv", (await data.DatesAsync(ct))?.Modified))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the digital registers' aggregated progress (ADR 0028) as CSV (UTF-8 with BOM): per BE year of the last five, the nation, each organisation type, ministry and province cluster with services, fully digital and on a central platform (counts and %); no service lists, internal services left out");
        open.MapGet("/digital-progress.json", async (HttpContext http, DigitalOpenData data, PublicUrl url, CancellationToken ct) =>
                DigitalOpenData.File(http, DigitalOpenData.Json(await data.RowsAsync(ct), url), "application/json; charset=utf-8", "pmqa-digital-progress.json", (await data.DatesAsync(ct))?.Modified))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/json").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the same aggregated digital progress as JSON, with its fields described");

        api.MapGet("/digital-progress", async (string? type, string? ministry, string? cluster, bool? late, DigitalProgressQueries queries,
                FollowUpStandings followUps, CancellationToken ct) =>
            {
                var parsed = DashboardFilter.Parse(type, ministry, cluster, null);
                var outcome = parsed is Outcome<DashboardFilter>.Ok { Value: var filter } ? await queries.NationalAsync(filter, ct) : parsed.As<NationalProgress>();
                // Each organisation's follow-up line (ADR 0027); late=true keeps those late or missing.
                if (outcome is Outcome<NationalProgress>.Ok { Value: var view }) outcome = await followUps.AddToAsync(view, late == true, ct);
                return outcome.ToHttp(TypedResults.Ok);
            })
            .WithTags("Digital government").RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("OPDC's national view of the registers: per organisation services, fully digital and on a central platform (count and share), still to do, latest target year, pace (services digitised a year, ADR 0028), yearsNeeded, behindPace, atRisk (behind pace for 2570, or a service still to do targets after 2570 without OPDC's exception); totals, byType, byParent (ministry or cluster) and the planned path (per BE year to 2570, the share planned fully digital). ?type=department|province|publicOrganization&ministry=&cluster= (codes)&late=true (only organisations late or missing for the latest period whose deadline passed; each row's followUp: period, lateness due|onTime|late|missing|none, approvedAt, flaggedPeriods)");
    }

    /// <summary>GET, PUT (the whole entry as in POST) and DELETE of one entry of a register list, with its version as ETag
    /// and If-Match required to change it (ADR 0028): 412 stale, 428 missing, as for services.</summary>
    private static void MapEntry<TInput, TView>(RouteGroupBuilder org, string path, string what, Func<TView, int> version,
        Func<DigitalListEdits, Guid, Guid, CancellationToken, Task<Outcome<TView>>> get,
        Func<DigitalListEdits, Guid, Guid, int, TInput, CancellationToken, Task<Outcome<TView>>> update,
        Func<DigitalListEdits, Guid, Guid, int, CancellationToken, Task<Outcome<bool>>> delete) where TView : notnull
    {
        // Each handler is typed as Delegate (RDG002 says so): the request delegate generator (ADR 0036) cannot generate
        // code for a handler whose types are this method's type parameters, so these three are bound at run time.
#pragma warning disable RDG002
        Delegate getOne = async (Guid orgId, Guid entryId, HttpResponse response, DigitalListEdits edits, CancellationToken ct) =>
            (await get(edits, orgId, entryId, ct)).ToHttp(view => { response.Headers.ETag = $"\"{version(view)}\""; return TypedResults.Ok(view); });
        org.MapGet($"/{path}/{{entryId:guid}}", getOne).WithSummary($"One {what} with its ETag");
        Delegate put = async Task<IResult> (Guid orgId, Guid entryId, TInput body, HttpRequest request, HttpResponse response, DigitalListEdits edits, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                if (!Preconditions.TryIfMatch(request, out var ifMatch)) return Preconditions.IfMatchRequired();
                var outcome = await update(edits, orgId, entryId, ifMatch, body, ct);
                if (outcome is Outcome<TView>.Conflict c && c.Message == DigitalListEdits.StaleMessage) return Preconditions.Stale(c.Message);
                return outcome.ToHttp(view => { response.Headers.ETag = $"\"{version(view)}\""; return TypedResults.Ok(view); });
            };
        org.MapPut($"/{path}/{{entryId:guid}}", put).ProducesVersioned<TView>().WithSummary($"Change a {what} (the whole entry as in POST); If-Match: its ETag");
        Delegate remove = async Task<IResult> (Guid orgId, Guid entryId, HttpRequest request, DigitalListEdits edits, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                if (!Preconditions.TryIfMatch(request, out var ifMatch)) return Preconditions.IfMatchRequired();
                var outcome = await delete(edits, orgId, entryId, ifMatch, ct);
                if (outcome is Outcome<bool>.Conflict c && c.Message == DigitalListEdits.StaleMessage) return Preconditions.Stale(c.Message);
                return outcome.ToHttp(_ => TypedResults.NoContent());
            };
        org.MapDelete($"/{path}/{{entryId:guid}}", remove)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary($"Remove a {what} (the audit trail keeps it); If-Match: its ETag");
#pragma warning restore RDG002
    }

    public static string Link(Guid orgId, Guid serviceId) => $"/api/v1/organizations/{orgId}/services/{serviceId}";

    /// <summary>Whether the caller may import is asked before the file is read; a refused import is not read at all.</summary>
    private static async Task<IResult> ImportAsync(Guid orgId, HttpRequest request, DigitalServices services, CancellationToken ct)
    {
        var allowed = await services.CanImportAsync(orgId, ct);
        if (allowed is not Outcome<bool>.Ok) return allowed.Failure();
        var csv = await ReadCsvAsync(request, ct);
        if (csv is null)
            return TypedResults.Problem(Bilingual.T($"ไฟล์ต้องเป็น CSV แบบ UTF-8 ขนาดไม่เกิน {MaxCsvBytes / 1024} KB (ส่งเป็นเนื้อหา text/csv หรือ multipart ช่อง file)",
                    $"Send a UTF-8 CSV file of at most {MaxCsvBytes / 1024} KB (as a text/csv body or multipart field `file`)."),
                statusCode: StatusCodes.Status400BadRequest, title: Bilingual.T("อ่านไฟล์ไม่ได้", "The file could not be read"));
        var outcome = await services.ImportAsync(orgId, csv, ct);
        if (outcome is Outcome<ImportOutcome>.Ok { Value.Problems.Count: > 0 } bad) return RowsProblem(bad.Value.Problems);
        return outcome.ToHttp(done => TypedResults.Ok(new ImportedServices(done.Ids.Length, done.Ids)));
    }

    /// <summary>The per-row report as an RFC 9457 problem: every problem with its row (1 = header), field and message.</summary>
    public static ProblemHttpResult RowsProblem(IReadOnlyList<ImportProblem> problems) =>
        TypedResults.Problem(
            Bilingual.T($"พบปัญหา {problems.Count} รายการ จึงไม่ได้นำเข้าบริการใดเลย แก้ไขไฟล์แล้วนำเข้าใหม่ทั้งไฟล์",
                $"{problems.Count} problem(s) found, so no service was imported: correct the file and import it again."),
            statusCode: StatusCodes.Status400BadRequest, title: Bilingual.T("ไฟล์มีแถวที่ไม่ถูกต้อง", "The file has bad rows"),
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = problems.Select(p => new ImportRowProblem(p.Row, p.Field, Bilingual.T(p.Th, p.En), p.Th, p.En)).ToList(),
            });

    private static async Task<string?> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { } file || file.Length > MaxCsvBytes) return null;
                using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true));
                return await reader.ReadToEndAsync(ct);
            }
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            if (body.Length > MaxCsvBytes) return null;
            return new UTF8Encoding(false, true).GetString(body.ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or DecoderFallbackException)
        {
            return null;
        }
    }
}

public static class DigitalSetup
{
    public static IServiceCollection AddDigitalRegister(this IServiceCollection services) => services
        .AddScoped<DigitalAccess>().AddScoped<DigitalServices>().AddScoped<DigitalLists>().AddScoped<DigitalProgressQueries>()
        .AddScoped<DigitalIndicatorQueries>().AddScoped<DigitalOpenData>().AddScoped<DigitalListEdits>();
}
