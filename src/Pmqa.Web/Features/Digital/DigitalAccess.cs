using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>Who may do what with an organisation's digital register (ADR 0025): its members and OPDC read it; its
/// coordinator and OPDC (officers, administrators) change it; anyone else is told nothing (404, ADR 0005).</summary>
public sealed class DigitalAccess(PmqaDbContext db, CurrentUser me)
{
    public static readonly Msg CoordinatorOnly = new("เฉพาะผู้ประสานงานของหน่วยงานและสำนักงาน ก.พ.ร. ที่แก้ไขทะเบียนบริการดิจิทัลได้",
        "Only the agency's coordinator and OPDC change the digital register.");
    public static readonly Msg ProvincesOnly = new("โครงการเชิงพื้นที่และช่องทางการมีส่วนร่วมมีเฉพาะจังหวัด",
        "Area projects and participation channels are for provinces only.");

    public async Task<OrganizationType?> TypeAsync(Guid orgId, CancellationToken ct)
    {
        if (!await me.CanSeeOrganizationAsync(orgId)) return null;
        return await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => (OrganizationType?)o.Type).SingleOrDefaultAsync(ct);
    }

    public async Task<Outcome<OrganizationType>> ReadAsync(Guid orgId, CancellationToken ct) =>
        await TypeAsync(orgId, ct) is { } type ? type : new Outcome<OrganizationType>.NotFound();

    public async Task<Outcome<OrganizationType>> EditAsync(Guid orgId, CancellationToken ct)
    {
        if (await TypeAsync(orgId, ct) is not { } type) return new Outcome<OrganizationType>.NotFound();
        return await CanEditAsync(orgId) ? type : new Outcome<OrganizationType>.Forbidden(CoordinatorOnly);
    }

    public async Task<bool> CanEditAsync(Guid orgId) => await me.SeesAllOrganizationsAsync() || await me.HasRoleInAsync(orgId, Role.Coordinator);

    public Task<bool> IsOpdcAsync() => me.SeesAllOrganizationsAsync();

    public string Name => me.Name;
}
