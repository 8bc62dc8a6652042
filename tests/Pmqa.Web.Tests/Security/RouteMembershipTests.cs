using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>Authorization by convention (ADR 0013): the route's {assessmentId} or {orgId} brings its
/// membership policy, whether or not the page or endpoint remembered an attribute.</summary>
public sealed class RouteMembershipTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/somewhere/new/{assessmentId:guid}/page", Policies.AssessmentMember)]
    [InlineData("/api/v1/other/{orgId:guid}/things", Policies.OrganizationMember)]
    public void A_route_parameter_brings_its_policy_to_an_endpoint_that_forgot_it(string pattern, string policy)
    {
        var endpoint = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0);
        RouteMembership.Apply(endpoint);
        Assert.Contains(endpoint.Metadata.OfType<IAuthorizeData>(), a => a.Policy == policy);
    }

    [Fact]
    public void An_endpoint_that_names_the_policy_itself_is_checked_once()
    {
        var endpoint = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/assessments/{assessmentId}"), 0);
        endpoint.Metadata.Add(new AuthorizeAttribute(Policies.AssessmentMember));
        RouteMembership.Apply(endpoint);
        Assert.Single(endpoint.Metadata.OfType<IAuthorizeData>(), a => a.Policy == Policies.AssessmentMember);
    }

    [Fact]
    public async Task Every_mapped_page_and_endpoint_with_the_parameter_carries_the_policy_exactly_once()
    {
        await app.AdminApiAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.GetParameter("assessmentId") is not null);
        foreach (var endpoint in endpoints)
            foreach (var policy in RouteMembership.PoliciesFor(endpoint.RoutePattern))
                Assert.True(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count(a => a.Policy == policy) == 1,
                    $"{endpoint.RoutePattern.RawText} should carry {policy} exactly once");
    }
}
