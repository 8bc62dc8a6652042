using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

public sealed record PublishInput(string? Note);

public sealed record WithholdInput(Guid? OrganizationId, string? Reason);

public sealed record PublishSummary(int Published, int Corrected, int Unchanged, int Withheld);

/// <summary>
/// OPDC publishes a round's verified results (issue 11): publication is the default for every verified
/// assessment; a withheld organisation is skipped. Publishing again after a correction adds a new version
/// with the note for each result that changed; unchanged results keep their version.
/// </summary>
public sealed class ResultPublication(PmqaDbContext db, TimeProvider clock, CurrentUser user, OpenDataFileRefresh files)
{

    public async Task<Outcome<PublishSummary>> PublishAsync(Guid roundId, PublishInput input, CancellationToken ct)
    {
        var outcome = await StageAsync(roundId, input, ct);
        if (outcome is Outcome<PublishSummary>.Ok)
        {
            await db.SaveChangesAsync(ct);
            files.Request(); // the stored files are stale now (ADR 0037); they are written again off this request
        }
        return outcome;
    }

    /// <summary>Adds the new published rows to the context without saving, so that closing verification saves them
    /// with the round's change in one transaction; nothing is added when the answer is not Ok.</summary>
    public async Task<Outcome<PublishSummary>> StageAsync(Guid roundId, PublishInput input, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new Outcome<PublishSummary>.NotFound();
        var note = (input.Note ?? "").Trim();
        if (note.Length > 2000) return new ValidationErrors().Add("note", "หมายเหตุยาวเกิน 2,000 ตัวอักษร", "The note is longer than 2,000 characters.");

        var withheld = await db.ResultWithholdings.Where(w => w.RoundId == roundId).Select(w => w.OrganizationId).ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Organization).ThenInclude(o => o!.Parent)
            .Where(a => a.RoundId == roundId && a.VerifiedScoreJson != null)
            .ToListAsync(ct);
        // States are stored by name, so "verified or later" is checked here rather than compared in SQL.
        assessments = [.. assessments.Where(a => Domain.OpenData.SiteVisitOutcome.IsPublishable(a.State))];
        var ids = assessments.Select(a => a.Id).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.AssessmentId) && c.RevokedAt == null).ToListAsync(ct);
        var current = await db.PublishedResults.Where(p => p.RoundId == roundId && p.IsCurrent).ToListAsync(ct);
        var now = clock.GetUtcNow();
        int published = 0, corrected = 0, unchanged = 0;
        var staged = new List<(PublishedResult? Previous, PublishedResult Next)>();
        foreach (var assessment in assessments.Where(a => !withheld.Contains(a.OrganizationId)))
        {
            var next = Snapshot(round, assessment, certificates.FirstOrDefault(c => c.AssessmentId == assessment.Id));
            var previous = current.FirstOrDefault(p => p.OrganizationId == assessment.OrganizationId);
            if (previous is not null && SameContent(previous, next)) { unchanged++; continue; }
            if (previous is not null)
            {
                if (note.Length == 0)
                    return new ValidationErrors().Add("note", "ผลที่เผยแพร่แล้วมีการแก้ไข: ระบุหมายเหตุการแก้ไข", "A published result changed: give a correction note.");
                corrected++;
            }
            else published++;
            next.VersionNumber = (previous?.VersionNumber ?? 0) + 1;
            next.Note = previous is null ? "" : note;
            next.PublishedAt = now;
            next.PublishedBy = user.Name;
            staged.Add((previous, next));
        }
        foreach (var (previous, next) in staged)
        {
            if (previous is not null) previous.IsCurrent = false;
            db.PublishedResults.Add(next);
        }
        return new PublishSummary(published, corrected, unchanged, withheld.Count);
    }

    public async Task<Outcome<Guid>> WithholdAsync(Guid roundId, WithholdInput input, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct)) return new Outcome<Guid>.NotFound();
        var errors = new ValidationErrors();
        var reason = (input.Reason ?? "").Trim();
        if (input.OrganizationId is not { } orgId || !await db.Assessments.AnyAsync(a => a.RoundId == roundId && a.OrganizationId == orgId, ct))
            errors.Add("organizationId", "ระบุหน่วยงานที่อยู่ในรอบนี้", "Name an organisation of this round.");
        if (reason.Length == 0) errors.Add("reason", "ระบุเหตุผลที่ไม่เผยแพร่", "Give the reason for withholding.");
        else if (reason.Length > 2000) errors.Add("reason", "เหตุผลยาวเกิน 2,000 ตัวอักษร", "The reason is longer than 2,000 characters.");
        if (errors.Any) return errors;
        var existing = await db.ResultWithholdings.SingleOrDefaultAsync(w => w.RoundId == roundId && w.OrganizationId == input.OrganizationId, ct);
        if (existing is not null)
        {
            existing.Reason = reason;
            existing.WithheldAt = clock.GetUtcNow();
            existing.WithheldBy = user.Name;
        }
        else
        {
            existing = new ResultWithholding { RoundId = roundId, OrganizationId = input.OrganizationId!.Value, Reason = reason, WithheldAt = clock.GetUtcNow(), WithheldBy = user.Name };
            db.ResultWithholdings.Add(existing);
        }
        await db.SaveChangesAsync(ct);
        files.Request();
        return existing.Id;
    }

    /// <summary>The published columns of an assessment, and nothing else: the final score when a site visit
    /// adjusted it, else the verified one.</summary>
    private static PublishedResult Snapshot(Round round, Assessment a, Certificate? certificate)
    {
        var score = JsonSerializer.Deserialize<ScoreJson>(a.FinalScoreJson ?? a.VerifiedScoreJson!)!;
        var org = a.Organization!;
        return new PublishedResult
        {
            RoundId = round.Id, OrganizationId = org.Id, AssessmentId = a.Id, FiscalYear = round.FiscalYear, IsCurrent = true,
            OrganizationCode = org.Code, NameTh = org.NameTh, NameEn = org.NameEn, OrganizationType = org.Type.ApiName(),
            GroupCode = org.Parent?.Code ?? "", GroupNameTh = org.Parent?.NameTh ?? "", GroupNameEn = org.Parent?.NameEn ?? "",
            VerifiedTotal = Math.Round(score.Total, 2),
            CategoriesJson = JsonSerializer.Serialize(score.Categories.Select(c => new CodeScore(c.Code, Math.Round(c.Score, 2)))),
            StatusBand = certificate?.Status ?? score.Status,
            SiteVisitOutcome = Domain.OpenData.SiteVisitOutcome.Of(a.State, a.SiteVisitDeclineReason is not null, a.FinalScoreJson is not null),
            CertificateId = a.State == AssessmentState.Certified ? certificate?.Id : null,
            CertificateNumber = a.State == AssessmentState.Certified ? certificate?.Number ?? "" : "",
            CertificateValidUntil = a.State == AssessmentState.Certified ? certificate?.ValidUntil : null,
        };
    }

    private static bool SameContent(PublishedResult x, PublishedResult y) =>
        x.OrganizationCode == y.OrganizationCode && x.NameTh == y.NameTh && x.NameEn == y.NameEn && x.OrganizationType == y.OrganizationType
        && x.GroupCode == y.GroupCode && x.GroupNameTh == y.GroupNameTh && x.GroupNameEn == y.GroupNameEn && x.VerifiedTotal == y.VerifiedTotal
        && x.CategoriesJson == y.CategoriesJson && x.StatusBand == y.StatusBand && x.SiteVisitOutcome == y.SiteVisitOutcome
        && x.CertificateId == y.CertificateId && x.CertificateNumber == y.CertificateNumber && x.CertificateValidUntil == y.CertificateValidUntil;
}
