using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>One issue as the agency answered it: ticks, explanations per level, indicators, evidence file names, score.</summary>
public sealed record SelfAssessmentIssue(
    Issue Issue, IReadOnlySet<string> Checked, IReadOnlyDictionary<MaturityLevel, string> Explanations, IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<string> EvidenceFiles, Pmqa.Domain.Scoring.IssueScore Score);

/// <summary>What the Word self-assessment report holds: the organisation profile in full and every issue's answers.</summary>
public sealed record SelfAssessmentContent(
    Assessment Assessment, FrameworkPack Pack, ScoreCard Card, IReadOnlyList<(ProfileSection Section, string Text)> Profile,
    IReadOnlyList<SelfAssessmentIssue> Issues, DateTimeOffset GeneratedAt);

/// <summary>Reads the agency's own answers for the Word report (the explanations included, which the score card leaves out).</summary>
public sealed class SelfAssessmentQueries(PmqaDbContext db, AssessmentAccess access, AssessmentScores scores, TimeProvider clock)
{
    public async Task<Outcome<SelfAssessmentContent>> GetAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<SelfAssessmentContent>(found);
        var (pack, card) = await scores.CardAsync(assessment, ct);
        var answers = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessmentId).ToDictionaryAsync(a => a.IssueCode, ct);
        var profile = await db.ProfileAnswers.AsNoTracking().Where(p => p.AssessmentId == assessmentId).ToDictionaryAsync(p => p.SectionCode, p => p.Text, ct);
        var links = await db.EvidenceLinks.AsNoTracking()
            .Where(l => db.Evidence.Any(e => e.Id == l.EvidenceId && e.AssessmentId == assessmentId && e.RemovedAt == null))
            .Join(db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { l.IssueCode, e.FileName, e.UploadedAt })
            .ToListAsync(ct);
        var files = links.GroupBy(l => l.IssueCode).ToDictionary(g => g.Key, g => g.OrderBy(l => l.UploadedAt).Select(l => l.FileName).ToList());
        var issues = pack.Issues.Select((issue, n) =>
        {
            var row = answers.GetValueOrDefault(issue.Code);
            var explanations = AnswerDocuments.Explanations(row)
                .Where(e => Enum.TryParse<MaturityLevel>(e.Key, true, out _))
                .ToDictionary(e => Enum.Parse<MaturityLevel>(e.Key, true), e => e.Value);
            return new SelfAssessmentIssue(issue, AnswerDocuments.Checked(row).ToHashSet(), explanations, AnswerDocuments.Indicators(row),
                files.GetValueOrDefault(issue.Code) ?? [], card.Issues[n]);
        }).ToList();
        return new SelfAssessmentContent(assessment, pack, card, [.. pack.ProfileSections.Select(s => (Section: s, Text: profile.GetValueOrDefault(s.Code) ?? ""))],
            issues, clock.GetUtcNow());
    }
}
