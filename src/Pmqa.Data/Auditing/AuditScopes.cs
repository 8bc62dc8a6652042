using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Auditing;

/// <summary>
/// Finds the assessment and organisation a changed entity belongs to, from its own columns
/// (<c>AssessmentId</c>, <c>OrganizationId</c>, or its key for an assessment or organisation), so the audit
/// trail can be filtered by them with an index. An assessment's organisation is looked up at most once
/// per save, from the change tracker when the assessment is loaded already.
/// </summary>
internal sealed class AuditScopes(DbContext context, bool async)
{
    private readonly Dictionary<Guid, Guid?> _organizationOf = [];

    public async Task<(Guid? AssessmentId, Guid? OrganizationId)> OfAsync(EntityEntry entry, CancellationToken ct)
    {
        var assessmentId = entry.Entity switch
        {
            Assessment a => a.Id,
            _ => GuidOf(entry, nameof(IssueAnswer.AssessmentId)),
        };
        var organizationId = entry.Entity switch
        {
            Organization o => o.Id,
            _ => GuidOf(entry, nameof(Assessment.OrganizationId)),
        };
        if (organizationId is null && assessmentId is { } id) organizationId = await OrganizationOfAsync(id, ct);
        return (assessmentId, organizationId);
    }

    private static Guid? GuidOf(EntityEntry entry, string property) =>
        entry.Metadata.FindProperty(property) is { } p && (entry.State == EntityState.Deleted
            ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue) is Guid g ? g : null;

    private async Task<Guid?> OrganizationOfAsync(Guid assessmentId, CancellationToken ct)
    {
        if (_organizationOf.TryGetValue(assessmentId, out var known)) return known;
        var tracked = context.ChangeTracker.Entries<Assessment>().FirstOrDefault(e => e.Entity.Id == assessmentId);
        Guid? organizationId = tracked?.Entity.OrganizationId;
        if (organizationId is null)
        {
            var query = context.Set<Assessment>().Where(a => a.Id == assessmentId).Select(a => (Guid?)a.OrganizationId);
            organizationId = async ? await query.FirstOrDefaultAsync(ct) : query.FirstOrDefault();
        }
        return _organizationOf[assessmentId] = organizationId;
    }
}
