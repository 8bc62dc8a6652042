using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>Improvement plans, their projects and actions, approval, OPDC's comments and follow-up reports (issue 9, ADR 0017).
/// <c>{planId}</c> routes get the plan's membership check from the route (ADR 0013).</summary>
public static class PlansApi
{
    public sealed record PeriodBody(string? Period);

    public sealed record ReasonBody(string? Reason);

    public sealed record CreatedId(Guid Id);

    public static void Map(RouteGroupBuilder api)
    {
        var org = api.MapGroup("/organizations/{orgId:guid}/plans").WithTags("Plans");
        org.MapPost("/", async (Guid orgId, CreatePlanInput body, PlanCommands commands, CancellationToken ct) =>
                (await commands.CreateAsync(orgId, body, ct)).ToHttp(id => TypedResults.Created(PlanLinks.Api(id), new CreatedId(id))))
            .WithSummary("The coordinator makes a plan {fiscalYear, horizon: oneYear|threeYear, assessmentId} from a submitted assessment; 409 if one exists");
        org.MapGet("/", async (Guid orgId, PlanQueries queries, CancellationToken ct) => (await queries.ListAsync(orgId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("The organisation's plans, every version");

        var plan = api.MapGroup("/plans/{planId:guid}").WithTags("Plans");
        plan.MapGet("/", async (Guid planId, HttpResponse response, PlanQueries queries, CancellationToken ct) =>
                (await queries.GetAsync(planId, ct)).ToHttp(view => { response.Headers.ETag = $"\"{view.Version}\""; return TypedResults.Ok(view); }))
            .WithSummary("The whole plan with its ETag: projects, actions (with standing: onTrack, late, done), budget per fiscal year, comments, reports, versions");
        plan.MapGet("/export.xlsx", async (Guid planId, PlanQueries queries, CancellationToken ct) =>
                await PlanExports.LoadAsync(queries, planId, ct) is Outcome<(PlanView, List<ReportView>)>.Ok { Value: var (view, reports) }
                    ? Results.File(PlanExports.Xlsx(view, reports), PlanExports.XlsxContentType, PlanExports.FileName(view))
                    : Results.NotFound())
            .Produces(StatusCodes.Status200OK, typeof(byte[]), PlanExports.XlsxContentType).Produces(StatusCodes.Status404NotFound)
            .WithSummary("The plan with its 6- and 12-month follow-up as an Excel sheet (numbers as numbers, header row frozen)");
        plan.MapGet("/export.pdf", async (Guid planId, HttpContext http, PlanPdf pdf, CancellationToken ct) =>
                await pdf.PrintAsync(http, planId, ct) is { } file ? Results.File(file.Content, PlanPdf.ContentType, file.FileName) : Results.NotFound())
            .Produces(StatusCodes.Status200OK, typeof(byte[]), PlanPdf.ContentType).Produces(StatusCodes.Status404NotFound)
            .WithSummary("The plan with its 6- and 12-month follow-up as an A4 PDF (Thai shaped, page numbers), in the caller's language");
        plan.MapPut("/", (Guid planId, PlanSummaryInput body, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.UpdateSummaryAsync(planId, v, body, ct)))
            .ProducesVersioned<Saved>().WithSummary("The plan's summary {summary}; If-Match: the plan's ETag");

        plan.MapPost("/projects", (Guid planId, ProjectInput body, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.AddProjectAsync(planId, v, body, ct), created: true))
            .ProducesVersioned<Saved>().Produces<Saved>(StatusCodes.Status201Created)
            .WithSummary("Add a project {title, objective, issueCodes, ownerId, startDate, endDate, budget, indicatorName, indicatorUnit, baseline, target}; If-Match: the plan's ETag");
        plan.MapPut("/projects/{projectId:guid}", (Guid planId, Guid projectId, ProjectInput body, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.UpdateProjectAsync(planId, projectId, v, body, ct)))
            .ProducesVersioned<Saved>().WithSummary("Change a project (the whole project as in POST); If-Match: the plan's ETag");
        plan.MapDelete("/projects/{projectId:guid}", (Guid planId, Guid projectId, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.DeleteProjectAsync(planId, projectId, v, ct)))
            .ProducesVersioned<Saved>().WithSummary("Remove a project and its actions; If-Match: the plan's ETag");
        plan.MapPost("/projects/{projectId:guid}/actions", (Guid planId, Guid projectId, ActionInput body, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.AddActionAsync(planId, projectId, v, body, ct), created: true))
            .ProducesVersioned<Saved>().Produces<Saved>(StatusCodes.Status201Created)
            .WithSummary("Add an action {title, ownerId, startDate, endDate, budget} inside the project's dates; If-Match: the plan's ETag");
        plan.MapPut("/projects/{projectId:guid}/actions/{actionId:guid}", (Guid planId, Guid projectId, Guid actionId, ActionInput body, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.UpdateActionAsync(planId, projectId, actionId, v, body, ct)))
            .ProducesVersioned<Saved>().WithSummary("Change an action; If-Match: the plan's ETag");
        plan.MapDelete("/projects/{projectId:guid}/actions/{actionId:guid}", (Guid planId, Guid projectId, Guid actionId, HttpRequest request, HttpResponse response, PlanCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.DeleteActionAsync(planId, projectId, actionId, v, ct)))
            .ProducesVersioned<Saved>().WithSummary("Remove an action; If-Match: the plan's ETag");

        plan.MapPost("/submit", async (Guid planId, PlanWorkflow workflow, CancellationToken ct) =>
                (await workflow.SubmitAsync(planId, ct)).ToHttp(version => TypedResults.Ok(new VersionBody(version))))
            .WithSummary("The coordinator submits the draft to the executive (by the round's plan deadline)");
        plan.MapPost("/approve", async (Guid planId, ApproveInput body, PlanWorkflow workflow, CancellationToken ct) =>
                (await workflow.ApproveAsync(planId, body, ct)).ToHttp(version => TypedResults.Ok(new VersionBody(version))))
            .WithSummary("The executive approves {name, position}: the plan is sent to OPDC");
        plan.MapPost("/reject", async (Guid planId, ReasonBody body, PlanWorkflow workflow, CancellationToken ct) =>
                (await workflow.RejectAsync(planId, body.Reason, ct)).ToHttp(version => TypedResults.Ok(new VersionBody(version))))
            .WithSummary("The executive sends the plan back to the coordinator {reason}");
        plan.MapPost("/revise", async (Guid planId, PlanWorkflow workflow, CancellationToken ct) =>
                (await workflow.ReviseAsync(planId, ct)).ToHttp(id => TypedResults.Created(PlanLinks.Api(id), new CreatedId(id))))
            .WithSummary("The coordinator copies an approved plan into a new draft version; the approved one stays readable");
        plan.MapPost("/comments", async (Guid planId, CommentInput body, PlanComments comments, CancellationToken ct) =>
                (await comments.AddAsync(planId, null, body, ct)).ToHttp(id => TypedResults.Created(PlanLinks.Api(planId), new CreatedId(id))))
            .WithSummary("OPDC comments on an approved plan {text, projectId?}; the agency answers {text, replyToId}");

        plan.MapPost("/reports", async (Guid planId, PeriodBody body, PlanReports reports, CancellationToken ct) =>
                (await reports.CreateAsync(planId, body.Period, ct)).ToHttp(id => TypedResults.Created($"{PlanLinks.Api(planId)}/reports/{id}", new CreatedId(id))))
            .WithSummary("Start a follow-up report {period: month6|month12} of the approved plan");
        plan.MapGet("/reports/{reportId:guid}", async (Guid planId, Guid reportId, HttpResponse response, PlanQueries queries, CancellationToken ct) =>
                (await queries.ReportAsync(planId, reportId, ct)).ToHttp(view => { response.Headers.ETag = $"\"{view.Version}\""; return TypedResults.Ok(view); }))
            .WithSummary("A report with its ETag: per action status, progress, narrative, evidence; 12-month results per project; comments");
        plan.MapPut("/reports/{reportId:guid}", (Guid planId, Guid reportId, ReportInput body, HttpRequest request, HttpResponse response, PlanReports reports, CancellationToken ct) =>
                VersionedAsync(request, response, v => reports.UpdateAsync(planId, reportId, v, body, ct)))
            .ProducesVersioned<Saved>()
            .WithSummary("Save a report {actions: [{actionId, status, progress, narrative, evidenceIds}], results: [{projectId, actual, narrative}]}; If-Match: the report's ETag");
        plan.MapPost("/reports/{reportId:guid}/submit", async (Guid planId, Guid reportId, PlanReports reports, CancellationToken ct) =>
                (await reports.SubmitAsync(planId, reportId, ct)).ToHttp(saved => TypedResults.Ok(saved)))
            .WithSummary("The coordinator submits the report; the actions take its status and progress");
        plan.MapPost("/reports/{reportId:guid}/comments", async (Guid planId, Guid reportId, CommentInput body, PlanComments comments, CancellationToken ct) =>
                (await comments.AddAsync(planId, reportId, body, ct)).ToHttp(id => TypedResults.Created($"{PlanLinks.Api(planId)}/reports/{reportId}", new CreatedId(id))))
            .WithSummary("OPDC comments on a report {text}; the agency answers {text, replyToId}");

        api.MapGet("/rounds/{roundId:guid}/plans", async (Guid roundId, PlanQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RoundAsync(roundId, ct)))
            .WithTags("Plans").RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("OPDC: every agency of the round with its plan status, approved budget, actions on track / late / done, reports submitted");
    }

    public sealed record VersionBody(int Version);

    private static async Task<IResult> VersionedAsync(HttpRequest request, HttpResponse response, Func<int, Task<Outcome<Saved>>> change, bool created = false)
    {
        if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
        if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
        var outcome = await change(version);
        if (outcome is Outcome<Saved>.Conflict c && (c.Message == PlanCommands.StaleMessage || c.Message == PlanReports.StaleMessage))
            return Preconditions.Stale(c.Message);
        return outcome.ToHttp(saved =>
        {
            response.Headers.ETag = $"\"{saved.Version}\"";
            return created ? (IResult)TypedResults.Created((string?)null, saved) : TypedResults.Ok(saved);
        });
    }
}
