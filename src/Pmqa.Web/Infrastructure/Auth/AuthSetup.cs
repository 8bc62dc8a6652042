using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Pmqa.Data;
using Pmqa.Data.Auditing;
using Pmqa.Data.Entities;

namespace Pmqa.Web.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>How long a one-time set-password link works: an invitation, an administrator's reset link or
    /// an e-mailed "forgot password" link (all are Identity password-reset tokens).</summary>
    public static readonly TimeSpan SetPasswordLinkLifespan = TimeSpan.FromDays(3);

    public static WebApplicationBuilder AddPmqaAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor, HttpAuditActor>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PmqaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<BilingualIdentityErrors>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = SetPasswordLinkLifespan);

        // Keys live in the database: sign-ins survive a restart and work on every instance (ADR 0029).
        services.AddDataProtection().SetApplicationName("pmqa");
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>, KeysInDatabase>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/login";
                o.Cookie.Name = "pmqa.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookiePolicy(builder.Configuration);
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddMemoryCache();
        services.AddSingleton<SessionStamps>();

        // The antiforgery and TempData cookies carry no identity; they follow the request's scheme because
        // antiforgery refuses to run over plain http with Always (local runs on http://localhost).
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pmqa.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, SystemAdminHandler>();
        services.AddScoped<IAuthorizationHandler, OrganizationMemberHandler>();
        services.AddScoped<IAuthorizationHandler, OpdcOfficerHandler>();
        services.AddScoped<IAuthorizationHandler, AssessmentMemberHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, NotFoundWhenForbidden>();
        return builder;
    }

    /// <summary>The sign-in cookie is Secure by default (browsers accept Secure cookies from http://localhost
    /// too); <c>Security:CookieSecurePolicy=SameAsRequest</c> allows a plain-http demo on another host.</summary>
    public static CookieSecurePolicy CookiePolicy(IConfiguration config) =>
        Enum.TryParse<CookieSecurePolicy>(config["Security:CookieSecurePolicy"], true, out var policy) ? policy : CookieSecurePolicy.Always;
}
