using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Improvement;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>One issue's part of the path: the items to tick and the points they add to the issue (gain) and to the total.</summary>
public sealed record PathStepView(string IssueCode, IReadOnlyList<string> Items, decimal Gain, decimal ScoreBefore, decimal ScoreAfter);

/// <summary>The exact path to <see cref="Target"/> from the agency's answers now; totals rounded as shown everywhere.
/// <see cref="Shortfall"/> says how far ticks alone stay from an unreachable target.</summary>
public sealed record PathView(decimal Current, decimal Target, bool Reachable, IReadOnlyList<string> Ticks, decimal TotalAfter,
    decimal Shortfall, bool SiteVisitEligibleAfter, IReadOnlyList<PathStepView> Steps, ScoreJson CardAfter);

/// <summary>The path with what the page shows around it: the answers (ticks as saved) and their card.</summary>
public sealed record PathFound(Assessment Assessment, FrameworkPack Pack, ScoreCard Now, IReadOnlyDictionary<string, IssueAnswers> Answers, PathView Path);

/// <summary>The body of <c>POST …/what-if</c>: issue code → the ticks to try instead of the saved ones.</summary>
public sealed record WhatIfBody(Dictionary<string, List<string>>? Checked);

/// <summary>The path to a target total and what-if scoring: both read the answers and store nothing.</summary>
public sealed class PathQueries(PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog)
{
    public async Task<Outcome<PathFound>> PathAsync(Guid assessmentId, decimal? target, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<PathFound>(found);
        var (pack, answers, now) = await AnswersAsync(assessment, ct);
        var goal = target ?? assessment.Round!.SiteVisitThreshold;
        if (goal <= 0 || goal > pack.Scoring.SignificancePoints)
            return new ValidationErrors().Add("target", $"คะแนนเป้าหมายต้องมากกว่า 0 และไม่เกิน {pack.Scoring.SignificancePoints:0}",
                $"The target must be more than 0 and at most {pack.Scoring.SignificancePoints:0}.");
        var path = ExactPath.Find(pack, answers, goal, assessment.Round!.SiteVisitThreshold, AssessmentScores.BandsOf(assessment.Round, pack));
        var view = new PathView(Scoring.Round(path.Current), goal, path.Reachable, path.Ticks, Scoring.Round(path.TotalAfter), path.Shortfall,
            path.CardAfter.SiteVisitEligible,
            [.. path.Steps.Select(s => new PathStepView(s.IssueCode, s.Items, Scoring.Round(s.ScoreAfter) - Scoring.Round(s.ScoreBefore),
                Scoring.Round(s.ScoreBefore), Scoring.Round(s.ScoreAfter)))],
            AssessmentScores.ToJson(path.CardAfter));
        return new PathFound(assessment, pack, now, answers, view);
    }

    public async Task<Outcome<ScoreJson>> WhatIfAsync(Guid assessmentId, WhatIfBody body, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<ScoreJson>(found);
        var (pack, answers, _) = await AnswersAsync(assessment, ct);
        var tried = (body.Checked ?? []).ToDictionary(e => e.Key, e => (IReadOnlyList<string>)(e.Value ?? []));
        var errors = new ValidationErrors();
        foreach (var (field, th, en) in WhatIf.Validate(pack, tried)) errors.Add(field, th, en);
        if (errors.Any) return errors;
        var card = WhatIf.Score(pack, answers, tried, assessment.Round!.SiteVisitThreshold, AssessmentScores.BandsOf(assessment.Round, pack));
        return AssessmentScores.ToJson(card);
    }

    private async Task<(FrameworkPack Pack, Dictionary<string, IssueAnswers> Answers, ScoreCard Now)> AnswersAsync(Assessment assessment, CancellationToken ct)
    {
        // Ticks and indicators only: the explanations (up to 20,000 characters a level) play no part in a score.
        var pack = await catalog.PackOfAsync(assessment, ct);
        var answers = (await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id)
            .Select(a => new IssueAnswer { IssueCode = a.IssueCode, CheckedJson = a.CheckedJson, IndicatorsJson = a.IndicatorsJson })
            .ToListAsync(ct)).ToDictionary(a => a.IssueCode, AnswerDocuments.ToAnswers);
        var card = Scoring.Score(pack, answers, assessment.Round!.SiteVisitThreshold, AssessmentScores.BandsOf(assessment.Round, pack));
        return (pack, answers, card);
    }
}
