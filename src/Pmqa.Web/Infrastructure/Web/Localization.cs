using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>Thai by default. Screens switch with the language cookie; API callers may ask for English
/// with Accept-Language. Browsers' Accept-Language is ignored for pages, because most civil servants'
/// browsers say English while they work in Thai.</summary>
public static class Localization
{
    public const string CookieName = ".pmqa.language";
    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IApplicationBuilder UsePmqaLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Thai),
            SupportedCultures = [Thai, English],
            SupportedUICultures = [Thai, English],
            FallBackToParentCultures = true,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
            new CookieRequestCultureProvider { CookieName = CookieName },
            new ApiAcceptLanguageProvider(),
        ];
        return app.UseRequestLocalization(options);
    }

    public static CultureInfo Parse(string? language) => language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Thai;

    /// <summary>Accept-Language for the API only, matching any English or Thai tag ("en", "en-US", "th").</summary>
    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (!httpContext.Request.Path.StartsWithSegments("/api")) return NullProviderCultureResult;
            var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => l.Value.Value ?? "");
            foreach (var language in languages)
            {
                if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return Result(English);
                if (language.StartsWith("th", StringComparison.OrdinalIgnoreCase)) return Result(Thai);
            }
            return NullProviderCultureResult;
        }

        private static Task<ProviderCultureResult?> Result(CultureInfo culture) =>
            Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Name));
    }
}
