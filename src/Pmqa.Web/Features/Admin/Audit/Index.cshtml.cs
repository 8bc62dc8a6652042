using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Audit;
using Pmqa.Web.Features.Users;

namespace Pmqa.Web.Features.Admin.Audit;

public sealed class IndexModel(AuditQueries queries) : PageModel
{
    public AuditFilter Filter { get; private set; } = new(null, null, null, null, null);
    public Page<AuditRow> Entries { get; private set; } = null!;
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(string? entityType, string? entityKey, string? user, DateOnly? from, DateOnly? to, int page = 1)
    {
        Filter = new AuditFilter(entityType, entityKey, user, from, to, page);
        Entries = await queries.SearchAsync(Filter);
        EntityTypes = await queries.EntityTypesAsync();
    }
}
