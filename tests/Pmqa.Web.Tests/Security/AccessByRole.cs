namespace Pmqa.Web.Tests.Security;

/// <summary>The callers the walk plays besides anonymous and a member of another agency (issue 8).</summary>
public enum Caller
{
    /// <summary>A member of the victim agency who owns category 2 only, probing issue 1.1 and the agency's data.</summary>
    CategoryOwnerOfAnotherCategory,
    /// <summary>An OPDC reviewer who is not on the victim assessment's review team (someone else is).</summary>
    ReviewerNotOnTeam,
    OpdcOfficer,
    Administrator,
}

/// <summary>How the product answers a caller, as the walk classifies a response.</summary>
public enum Answer
{
    /// <summary>Access control let the request through (the handler may still refuse its body or state: 400, 409).</summary>
    Allowed,
    /// <summary>404: the caller is not told the thing exists.</summary>
    NotFound,
    /// <summary>403: the caller sees the thing but their role may not do this to it.</summary>
    Forbidden,
}

/// <summary>
/// What each row of <see cref="AccessTable"/> means for each <see cref="Caller"/>: first by the row's
/// <see cref="Access"/> (the matrix in <see cref="ByAccess"/>), then the rows where the product's finer rules
/// answer a role otherwise (<see cref="Exceptions"/>, one line per route and role). The walk fails naming the
/// route and the role whenever the real answer differs.
/// </summary>
public static class AccessByRole
{
    public static Answer Expected(string route, Access access, Caller caller) =>
        Exceptions.TryGetValue((route, caller), out var answer) ? answer : ByAccess(access, caller);

    public static Answer ByAccess(Access access, Caller caller) => (access, caller) switch
    {
        (Access.Public or Access.SignedIn, _) => Answer.Allowed,
        // The notification probed is the victim's, never the caller's own.
        (Access.Own, _) => Answer.NotFound,
        // The owner is a member of the agency; a reviewer off the team is a stranger to it.
        (Access.Organization, Caller.ReviewerNotOnTeam) => Answer.NotFound,
        (Access.Organization, _) => Answer.Allowed,
        (Access.Officer, Caller.OpdcOfficer or Caller.Administrator) => Answer.Allowed,
        (Access.Admin, Caller.Administrator) => Answer.Allowed,
        _ => Answer.NotFound,
    };

    private const Caller Owner = Caller.CategoryOwnerOfAnotherCategory;
    private const Caller Officer = Caller.OpdcOfficer;
    private const Caller Admin = Caller.Administrator;
    private const string A = "/api/v1/assessments/{assessmentId}";

    /// <summary>Routes where a role's answer is not the one its row's <see cref="Access"/> gives: the product's
    /// rules by role inside an assessment the caller may see. Grouped by rule; one route per line.</summary>
    public static readonly IReadOnlyDictionary<(string Route, Caller Caller), Answer> Exceptions = Rows(
        // A category owner of another category: answers and evidence of issue 1.1 (category 1) are not theirs
        // (asked with real requests on a draft; the owner's own category is tested in EvidenceCategoryRuleTests).
        (Answer.Forbidden, [Owner], [$"PUT {A}/issues/{{issueCode}}", $"POST {A}/evidence", $"PUT {A}/evidence/{{evidenceId}}/links/{{issueCode}}",
            $"DELETE {A}/evidence/{{evidenceId}}/links/{{issueCode}}", $"DELETE {A}/evidence/{{evidenceId}}"]),
        // The agency's own steps: OPDC looks but does not act for the agency (coordinator and executive only).
        (Answer.Forbidden, [Owner, Officer, Admin], [$"PUT {A}/assignments/{{categoryCode}}", $"POST {A}/submit", $"POST {A}/approve",
            $"POST {A}/reject", $"POST {A}/site-visit/accept", $"POST {A}/site-visit/decline"]),
        (Answer.Forbidden, [Officer, Admin], [$"POST {A}/copy-forward", $"POST {A}/evidence", $"PUT {A}/evidence/{{evidenceId}}/links/{{issueCode}}",
            $"DELETE {A}/evidence/{{evidenceId}}/links/{{issueCode}}", $"DELETE {A}/evidence/{{evidenceId}}",
            $"POST {A}/clarifications/{{clarificationId}}/messages"]),
        // The review team's own work: a reviewer's review, the lead's confirmation, questions to the agency and
        // findings of the visiting team. Pages answer 404, the API 403.
        (Answer.Forbidden, [Owner, Officer, Admin], [$"GET {A}/review", $"GET {A}/review/issues/{{issueCode}}", $"POST {A}/review/declare-no-conflict",
            $"POST {A}/review/submit", $"POST {A}/confirm", $"POST {A}/clarifications", $"POST {A}/clarifications/{{clarificationId}}/close",
            $"PUT {A}/site-visit/findings/{{issueCode}}"]),
        (Answer.NotFound, [Owner, Officer, Admin], ["GET /assessments/{assessmentId}/review", "GET /assessments/{assessmentId}/review/issues/{issueCode}"]),
        // OPDC's steps and the reviewers' consensus: not the agency's people.
        (Answer.Forbidden, [Owner], [$"GET {A}/consensus", $"GET {A}/consensus/issues/{{issueCode}}", $"POST {A}/certification", $"POST {A}/reopen",
            $"PUT {A}/review-team", $"PUT {A}/site-visit", $"POST {A}/site-visit/complete"]),
        (Answer.NotFound, [Owner], ["GET /assessments/{assessmentId}/consensus", "GET /assessments/{assessmentId}/consensus/issues/{issueCode}",
            "GET /assessments/{assessmentId}/review-team"]),
        // Members are managed by the agency's coordinator and by administrators; others are not told.
        (Answer.NotFound, [Owner, Officer], ["POST /api/v1/organizations/{orgId}/members", "DELETE /api/v1/organizations/{orgId}/members/{membershipId}"]),
        // Improvement plans (ADR 0017): the agency's coordinator makes, submits, revises and reports; its executive
        // approves or returns; OPDC comments and the agency's coordinator or executive answers.
        (Answer.Forbidden, [Owner, Officer, Admin], ["POST /api/v1/organizations/{orgId}/plans", "POST /api/v1/plans/{planId}/submit",
            "POST /api/v1/plans/{planId}/approve", "POST /api/v1/plans/{planId}/reject", "POST /api/v1/plans/{planId}/revise",
            "POST /api/v1/plans/{planId}/reports", "POST /api/v1/plans/{planId}/reports/{reportId}/submit"]),
        (Answer.Forbidden, [Owner], ["POST /api/v1/plans/{planId}/comments", "POST /api/v1/plans/{planId}/reports/{reportId}/comments"]),
        // Library of good practice (ADR 0022): only the agency's coordinator shares its certified assessment's issues.
        (Answer.Forbidden, [Owner, Officer, Admin], [$"POST {A}/practices/{{issueCode}}"]),
        // Digital register (ADR 0025): only the agency's coordinator and OPDC change it (PUT and DELETE without If-Match
        // answer 428 first). The victim is a department: it has no area projects, for anyone.
        (Answer.Forbidden, [Owner], ["POST /api/v1/organizations/{orgId}/services", "POST /api/v1/organizations/{orgId}/services/import",
            "POST /api/v1/organizations/{orgId}/datasets", "POST /api/v1/organizations/{orgId}/exchanges"]),
        (Answer.NotFound, [Owner, Officer, Admin], ["GET /api/v1/organizations/{orgId}/area-projects", "POST /api/v1/organizations/{orgId}/area-projects",
            "GET /api/v1/organizations/{orgId}/channels", "POST /api/v1/organizations/{orgId}/channels",
            "GET /api/v1/organizations/{orgId}/area-projects/{entryId}", "GET /api/v1/organizations/{orgId}/channels/{entryId}"]),
        // Progress updates (ADR 0027): the coordinator sends, the executive approves or returns; OPDC reads only.
        (Answer.Forbidden, [Owner, Officer, Admin], ["POST /api/v1/organizations/{orgId}/digital-updates",
            "POST /api/v1/organizations/{orgId}/digital-updates/{updateId}/approve", "POST /api/v1/organizations/{orgId}/digital-updates/{updateId}/return"]),
        // Not about roles: the one-time setup link exists only until the first administrator does, and the victim
        // was certified straight from the database, so it has no submission receipt to show.
        (Answer.NotFound, [Owner, Officer, Admin, Caller.ReviewerNotOnTeam], ["GET /account/setup"]),
        (Answer.NotFound, [Owner, Officer, Admin], ["GET /assessments/{assessmentId}/receipt"]));

    private static Dictionary<(string, Caller), Answer> Rows(params (Answer Answer, Caller[] Callers, string[] Routes)[] groups)
    {
        var rows = new Dictionary<(string, Caller), Answer>();
        foreach (var (answer, callers, routes) in groups)
            foreach (var route in routes)
                foreach (var caller in callers)
                    rows.Add((route, caller), answer);
        return rows;
    }
}
