using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.OpenData;

/// <summary>One organisation's published history (every fiscal year and every published version). An organisation
/// with nothing published gets the same "nothing published" page as a code that does not exist.</summary>
[AllowAnonymous]
public sealed class HistoryModel(OpenDataQueries queries) : PageModel
{
    public IReadOnlyList<PublicResult> Results { get; private set; } = [];

    public string Code { get; private set; } = "";

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Code = code;
        Results = await queries.HistoryAsync(code, ct);
    }
}
