using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Pmqa.Domain.OpenData;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

/// <summary>
/// Open data by default (issue 11): anonymous, stable URLs per fiscal year and for all years, a data dictionary
/// and the DCAT catalogue; OPDC publishes a round's results and may withhold one organisation's with a reason.
/// Every file carries an ETag (its content's hash) and Last-Modified, answers a conditional GET with 304, names
/// its download with the year, and may be read from any web page (CORS for GET).
/// </summary>
public static class OpenDataApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/open-data").WithTags("Open data").AllowAnonymous();
        open.MapGet("/results.csv", (bool? allVersions, HttpContext http, StoredOpenDataFiles files, CancellationToken ct) =>
                StoredAsync(http, files, null, allVersions == true, "csv", ct))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the published results of every fiscal year as CSV (UTF-8 with BOM; ?allVersions=true adds superseded versions)");
        open.MapGet("/results.json", (bool? allVersions, HttpContext http, StoredOpenDataFiles files, CancellationToken ct) =>
                StoredAsync(http, files, null, allVersions == true, "json", ct))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/json").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the published results of every fiscal year as JSON");
        open.MapGet("/results/{fiscalYear:int}.csv", (int fiscalYear, bool? allVersions, HttpContext http, StoredOpenDataFiles files, CancellationToken ct) =>
                StoredAsync(http, files, fiscalYear, allVersions == true, "csv", ct))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the published results of one fiscal year (BE) as CSV");
        open.MapGet("/results/{fiscalYear:int}.json", (int fiscalYear, bool? allVersions, HttpContext http, StoredOpenDataFiles files, CancellationToken ct) =>
                StoredAsync(http, files, fiscalYear, allVersions == true, "json", ct))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/json").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the published results of one fiscal year (BE) as JSON");
        open.MapGet("/dictionary", (HttpContext http, OpenDataQueries q, PublicUrl url, CancellationToken ct) =>
                FileAsync(http, q, null, ct, () => Task.FromResult(OpenDataFiles.Dictionary(url)), "application/json; charset=utf-8", null))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/json").Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the data dictionary: each field's Thai and English name, type, unit and allowed values");
        open.MapGet("/catalog.jsonld", (HttpContext http, OpenDataQueries q, PublicUrl url, IConfiguration config, Digital.DigitalOpenData digital, CancellationToken ct) =>
                FileAsync(http, q, null, ct, async () => DcatCatalog.Build(await YearsAsync(q, ct), url, DcatCatalog.ContactEmailOf(config), await digital.DatesAsync(ct)), DcatCatalog.ContentType, null))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), DcatCatalog.ContentType).Produces(StatusCodes.Status304NotModified)
            .WithSummary("Anyone: the DCAT catalogue (JSON-LD) a catalogue harvester such as CKAN's reads: a dataset per fiscal year, CSV and JSON distributions");

        var rounds = api.MapGroup("/rounds/{roundId:guid}").WithTags("Open data").RequireAuthorization(Policies.OpdcOfficer);
        rounds.MapPost("/publish", async (Guid roundId, PublishInput? body, ResultPublication publication, CancellationToken ct) =>
                (await publication.PublishAsync(roundId, body ?? new PublishInput(null), ct)).ToHttp(summary => TypedResults.Ok(summary)))
            .WithSummary("OPDC publishes the round's verified results {note?}; a changed result becomes a new version and needs the note");
        rounds.MapPost("/close-verification", async (Guid roundId, CloseVerificationInput? body, VerificationClosing closing, CancellationToken ct) =>
                (await closing.CloseAsync(roundId, body ?? new CloseVerificationInput(null), ct)).ToHttp(closed => TypedResults.Ok(closed)))
            .WithSummary("OPDC closes the round's verification {note?}: the verified results are published in the same save (withheld organisations stay out); 409 when closed already");
        rounds.MapPost("/withheld", async (Guid roundId, WithholdInput body, ResultPublication publication, CancellationToken ct) =>
                (await publication.WithholdAsync(roundId, body, ct)).ToHttp(id => TypedResults.Ok(new WithheldId(id))))
            .WithSummary("OPDC keeps one organisation's result out of the open data {organizationId, reason} (audited)");
    }

    /// <summary>The datasets the catalogue lists: all years, then each fiscal year with published results. Only the
    /// first and last publication of each year are read, in one grouped query (not every row, 45,000 at stress scale).</summary>
    private static async Task<IReadOnlyList<DcatCatalog.YearInfo>> YearsAsync(OpenDataQueries q, CancellationToken ct)
    {
        var years = await q.PublicationSpansAsync(ct);
        if (years.Count == 0) return [];
        return [new(null, years.Min(y => y.Issued), years.Max(y => y.Modified)), .. years];
    }

    private static void OpenHeaders(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.Append(HeaderNames.Link, $"<{DataDictionary.LicenceUrl}>; rel=\"license\"");
        response.Headers.CacheControl = "public, max-age=300";
    }

    /// <summary>A results file (CSV or JSON) as stored (ADR 0037): written once per change of what it shows, streamed
    /// from the evidence store with its SHA-256 as the ETag; <c>Results.File</c> answers If-None-Match and
    /// If-Modified-Since with 304 and serves byte ranges.</summary>
    private static async Task<IResult> StoredAsync(HttpContext http, StoredOpenDataFiles files, int? fiscalYear, bool allVersions,
        string format, CancellationToken ct)
    {
        OpenHeaders(http.Response);
        var spec = new OpenDataFileSpec(fiscalYear, allVersions, format);
        var (file, content) = await files.OpenAsync(spec, ct);
        return Results.File(content, spec.ContentType, OpenDataFiles.FileName(fiscalYear, format),
            file.LastModified is { } lm ? TruncateToSeconds(lm) : null, new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> FileAsync(HttpContext http, OpenDataQueries q, int? fiscalYear, CancellationToken ct,
        Func<Task<byte[]>> content, string contentType, string? extension)
    {
        OpenHeaders(http.Response);
        var lastModified = await q.LastModifiedAsync(fiscalYear, ct);
        var bytes = await content();
        // The ETag is the content's hash, so it changes exactly when a byte does (a withholding included).
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        var fileName = extension is null ? null : OpenDataFiles.FileName(fiscalYear, extension);
        // Results.File answers If-None-Match / If-Modified-Since with 304 by itself.
        return Results.File(bytes, contentType, fileName, lastModified: lastModified is { } lm ? TruncateToSeconds(lm) : null, entityTag: etag);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, at.Offset);
}

public sealed record WithheldId(Guid Id);
