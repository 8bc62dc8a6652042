using Microsoft.AspNetCore.Authorization;
using Pmqa.Web.Infrastructure.Web;
using Pmqa.Web.Features.Account;
using Pmqa.Web.Features.Audit;
using Pmqa.Web.Features.Certificates;
using Pmqa.Web.Features.Clarifications;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Features.Organizations;
using Pmqa.Web.Features.Plans;
using Pmqa.Web.Features.Reports;
using Pmqa.Web.Features.OpenData;
using Pmqa.Web.Features.Calendar;
using Pmqa.Web.Features.Practices;
using Pmqa.Web.Features.Digital;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features;

public static class FeatureSetup
{
    public static IServiceCollection AddPmqaFeatures(this IServiceCollection services) => services
        .AddScoped<PasswordCheck>().AddScoped<IssueApiToken>().AddScoped<RevokeApiToken>()
        .AddScoped<RequestPasswordReset>().AddSingleton<PasswordResetLimits>()
        .AddScoped<FrameworkCatalog>().AddScoped<ImportFramework>().AddScoped<DeleteFrameworkVersion>()
        .AddScoped<CreateUser>().AddScoped<SetUserDisabled>().AddScoped<IssuePasswordReset>().AddScoped<UserQueries>()
        .AddScoped<CreateOrganization>().AddScoped<UpdateOrganization>().AddScoped<ImportOrganizations>()
        .AddScoped<OrganizationQueries>().AddScoped<AddMember>().AddScoped<RemoveMember>()
        .AddScoped<AuditQueries>()
        .AddScoped<Rounds.CreateRound>().AddScoped<Rounds.EditRound>().AddScoped<Rounds.CancelRound>().AddScoped<Rounds.OpenRound>().AddScoped<Rounds.GrantExtension>().AddScoped<Rounds.RoundQueries>()
        .AddScoped<Assessments.AssessmentAccess>().AddScoped<Assessments.IssueAnswerHandlers>().AddScoped<Assessments.AssessmentScores>().AddScoped<Assessments.ScoreCards>()
        .AddScoped<Assessments.AssessmentTransitions>().AddScoped<Assessments.AssessmentQueries>().AddScoped<Assessments.CopyForward>()
        .AddScoped<Assessments.ProfileHandlers>().AddScoped<Assessments.CategoryAssignments>().AddScoped<Assessments.AssessmentWorkflow>()
        .AddScoped<Notifications.Notifier>().AddScoped<Notifications.Recipients>()
        .AddEvidence()
        .AddCertificates()
        .AddClarifications()
        .AddNotifications()
        .AddScoped<Reviews.ReviewTeams>().AddScoped<Reviews.ReviewWorkload>().AddScoped<Reviews.ReviewWork>().AddScoped<Reviews.ReviewScores>()
        .AddScoped<Reviews.Consensus>().AddScoped<Reviews.FeedbackReport>().AddScoped<Reviews.ReviewQueries>()
        .AddScoped<SiteVisits.SiteVisitHandlers>().AddScoped<SiteVisits.SiteVisitScores>()
        .AddScoped<Infrastructure.Web.PersonNames>().AddScoped<Home.WorkList>()
        .AddScoped<Comparison.ComparisonQueries>()
        .AddScoped<Gaps.GapQueries>().AddScoped<Gaps.GapCommands>().AddScoped<Gaps.PathQueries>()
        .AddPlans()
        .AddReports()
        .AddOpenData().AddCalendar()
        .AddScoped<Dashboard.RoundFacts>().AddScoped<Dashboard.CardScoreReader>().AddScoped<Dashboard.DashboardQueries>()
        .AddPractices()
        .AddDigitalRegister()
        .AddScoped<Digital.DigitalPeriods>().AddScoped<Digital.DigitalUpdates>().AddScoped<Digital.FollowUpStandings>();

    /// <summary>Everything under /api/v1 needs a bearer token unless an endpoint says otherwise.</summary>
    public static WebApplication MapPmqaApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiTokenHandler.SchemeName })
            .RefuseNullElements();
        // Routes holding {assessmentId} or {orgId} get the membership check from the route (ADR 0013).
        ((IEndpointConventionBuilder)api).Finally(RouteMembership.Apply);
        AuthApi.Map(api);
        FrameworksApi.Map(api);
        UsersApi.Map(api);
        OrganizationsApi.Map(api);
        AuditApi.Map(api);
        Rounds.RoundsApi.Map(api);
        Assessments.AssessmentsApi.Map(api);
        Evidence.EvidenceApi.Map(api);
        Reviews.ReviewsApi.Map(api);
        SiteVisits.SiteVisitsApi.Map(api);
        Certificates.CertificateSetup.MapApi(api);
        Clarifications.ClarificationsApi.Map(api);
        Notifications.NotificationsApi.Map(api);
        Comparison.ComparisonApi.Map(api);
        Gaps.GapsApi.Map(api);
        Plans.PlansApi.Map(api);
        Reports.ReportsApi.Map(api);
        Reports.RoundPrints.RoundReportPrintsApi.Map(api);
        OpenDataApi.Map(api);
        CalendarApi.Map(api);
        CalendarApi.MapFeeds(app);
        CalendarApi.MapOrganizationFeed(app);
        Dashboard.DashboardApi.Map(api);
        Practices.PracticesApi.Map(api);
        Digital.DigitalApi.Map(api);
        Digital.FollowUpApi.Map(api);
        return app;
    }
}
