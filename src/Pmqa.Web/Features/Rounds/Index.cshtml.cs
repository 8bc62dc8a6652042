using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

public sealed class IndexModel(RoundQueries rounds) : PageModel
{
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => Rounds = await rounds.ListAsync();

    public static string AudienceName(string apiName) =>
        OrganizationTypes.TryParseApiName(apiName, out var type) ? Bilingual.T(type.DisplayName()) : apiName;
}
