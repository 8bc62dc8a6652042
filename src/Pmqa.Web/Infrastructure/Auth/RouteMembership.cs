using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Pmqa.Web.Infrastructure.Auth;

/// <summary>
/// Authorization by convention (ADR 0013): every page and endpoint whose route holds a parameter that
/// names an agency's data gets that parameter's membership policy, wherever its file lives and whether or
/// not it says so itself. Applied as a "finally" convention to the Razor pages and to the API group, so it
/// sees the whole route pattern and every attribute the endpoint declared, and adds a policy only when the
/// endpoint does not name it already (the access check runs once per request).
/// </summary>
public static class RouteMembership
{
    /// <summary>Route parameter → the policy that decides who may use it. A new parameter for agency data
    /// gets its policy here, once, for every page and endpoint.</summary>
    public static readonly IReadOnlyDictionary<string, string> PolicyByParameter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["assessmentId"] = Policies.AssessmentMember,
        ["orgId"] = Policies.OrganizationMember,
        ["planId"] = Policies.PlanMember,
        ["practiceId"] = Pmqa.Web.Features.Practices.PracticeReaderRequirement.Policy,
    };

    /// <summary>Anonymous endpoints (public verification pages) are left alone: nothing they answer is an agency's private data.</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route) return;
        if (endpoint.Metadata.OfType<IAllowAnonymous>().Any()) return;
        foreach (var policy in PoliciesFor(route.RoutePattern))
        {
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any(a => a.Policy == policy)) continue;
            endpoint.Metadata.Add(new AuthorizeAttribute(policy));
        }
    }

    public static IEnumerable<string> PoliciesFor(RoutePattern pattern) =>
        pattern.Parameters.Select(p => PolicyByParameter.GetValueOrDefault(p.Name)).OfType<string>().Distinct();
}
