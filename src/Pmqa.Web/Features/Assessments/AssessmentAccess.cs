using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

public enum AssessmentPermission
{
    View, Edit, Submit, Approve, Reopen,
    /// <summary>OPDC's own steps: review teams, site visits, certification.</summary>
    Manage,
    /// <summary>A member of the review team.</summary>
    Review,
    /// <summary>The review team's lead (consensus, confirmation).</summary>
    Lead,
}

/// <summary>
/// Loads an assessment for the caller. Someone who may not see it gets "not found", exactly as if it did
/// not exist; someone who may see it but whose role may not do the thing gets a plain refusal.
/// </summary>
/// <remarks>
/// One query per assessment and request (ADR 0010): the assessment with its round and organisation, and
/// whether the caller is on its review team or leads it, but never the framework version's document (the
/// pack comes from <see cref="Frameworks.FrameworkCatalog"/>, cached by version id). The result is kept for
/// the rest of the request (this class is scoped), so the authorization policy of an
/// <c>{assessmentId}</c> route and the handler behind it share one lookup.
/// </remarks>
public sealed class AssessmentAccess(PmqaDbContext db, CurrentUser me)
{
    private sealed record Loaded(Assessment Assessment, bool OnReviewTeam, bool Leads, bool OnVisitTeam);

    private readonly Dictionary<Guid, Loaded?> _loaded = [];

    private sealed class Row
    {
        public required Assessment Assessment { get; init; }
        public Round? Round { get; init; }
        public Organization? Organization { get; init; }
        public bool OnReviewTeam { get; init; }
        public bool Leads { get; init; }
        public bool OnVisitTeam { get; init; }
    }

    /// <summary>The one access query of a request, compiled once (every assessment route runs it). Tracked,
    /// because handlers change the assessment; Round and Organization are fixed up as its navigations.</summary>
    private static readonly CompiledPerModel<Func<PmqaDbContext, Guid, Guid, string, Task<Row?>>> AccessRow = new(() => EF.CompileAsyncQuery(
        (PmqaDbContext db, Guid id, Guid uid, string needle) => db.Assessments.Where(a => a.Id == id)
            .Select(a => new Row
            {
                Assessment = a, Round = a.Round, Organization = a.Organization,
                OnReviewTeam = db.ReviewAssignments.Any(r => r.AssessmentId == a.Id && r.UserId == uid),
                Leads = db.ReviewAssignments.Any(r => r.AssessmentId == a.Id && r.UserId == uid && r.IsLead),
                OnVisitTeam = uid != Guid.Empty && db.SiteVisits.Any(v => v.AssessmentId == a.Id && v.TeamJson.Contains(needle)),
            })
            .SingleOrDefault()));

    public async Task<Outcome<Assessment>> FindAsync(Guid id, AssessmentPermission need, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is null || !await CanSeeAsync(loaded)) return new Outcome<Assessment>.NotFound();
        var assessment = loaded.Assessment;
        var allowed = need switch
        {
            AssessmentPermission.View => true,
            AssessmentPermission.Edit => await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator, Role.CategoryOwner),
            AssessmentPermission.Submit => await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator),
            AssessmentPermission.Approve => await me.HasRoleInAsync(assessment.OrganizationId, Role.Executive),
            AssessmentPermission.Reopen or AssessmentPermission.Manage => await me.SeesAllOrganizationsAsync(),
            AssessmentPermission.Review => loaded.OnReviewTeam,
            AssessmentPermission.Lead => loaded.Leads,
            _ => false,
        };
        return allowed ? assessment : new Outcome<Assessment>.Forbidden(Refusal(need));
    }

    /// <summary>Whoever may see the assessment's organisation, and its review team (the route policy's check).</summary>
    public async Task<bool> CanSeeAsync(Guid id, CancellationToken ct = default) =>
        await LoadAsync(id, ct) is { } loaded && await CanSeeAsync(loaded);

    /// <remarks>The site-visit team may hold OPDC people outside the review team: they read the answers to record
    /// their findings.</remarks>
    private async Task<bool> CanSeeAsync(Loaded loaded) =>
        loaded.OnReviewTeam || loaded.OnVisitTeam || await me.CanSeeOrganizationAsync(loaded.Assessment.OrganizationId);

    private async Task<Loaded?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (_loaded.TryGetValue(id, out var memo)) return memo;
        var uid = me.Id ?? Guid.Empty;
        // The visit team is a JSON list of lower-case "D" GUIDs (SiteVisitHandlers.ScheduleAsync).
        var needle = uid.ToString();
        var row = await AccessRow.For(db)(db, id, uid, needle);
        return _loaded[id] = row is null ? null : new Loaded(row.Assessment, row.OnReviewTeam, row.Leads, row.OnVisitTeam);
    }

    private static Msg Refusal(AssessmentPermission need) => need switch
    {
        AssessmentPermission.Edit => new("เฉพาะผู้ประสานงานและผู้รับผิดชอบหมวดของหน่วยงานที่แก้ไขการประเมินได้", "Only the agency's coordinator and category owners edit the assessment."),
        AssessmentPermission.Submit => new("เฉพาะผู้ประสานงานของหน่วยงานที่ส่งการประเมินได้", "Only the agency's coordinator submits the assessment."),
        AssessmentPermission.Approve => new("เฉพาะผู้บริหารของหน่วยงานที่อนุมัติหรือส่งกลับได้", "Only the agency's executive approves or rejects."),
        AssessmentPermission.Manage => new("เฉพาะเจ้าหน้าที่สำนักงาน ก.พ.ร. ที่ทำขั้นตอนนี้ได้", "Only OPDC officers do this."),
        AssessmentPermission.Review => new("เฉพาะผู้ตรวจประเมินที่ได้รับมอบหมายให้ตรวจการประเมินนี้", "Only the assessment's review team does this."),
        AssessmentPermission.Lead => new("เฉพาะหัวหน้าคณะผู้ตรวจประเมินที่ทำขั้นตอนนี้ได้", "Only the lead reviewer does this."),
        _ => new("เฉพาะเจ้าหน้าที่สำนักงาน ก.พ.ร. ที่เปิดให้แก้ไขได้", "Only OPDC reopens an assessment."),
    };

    /// <summary>Changes the outcome's type while keeping a refusal or "not found".</summary>
    public static Outcome<T> Fail<T>(Outcome<Assessment> failed) => failed switch
    {
        Outcome<Assessment>.Forbidden f => new Outcome<T>.Forbidden(f.Message),
        _ => new Outcome<T>.NotFound(),
    };
}
