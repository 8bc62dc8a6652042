using Pmqa.Domain.Dashboards;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>
/// Which organisations stand behind a dashboard figure (GET /api/v1/rounds/{roundId}/organizations, beside the
/// dashboard's own filter): a progress step; a score range of the total, a category, a dimension or an issue,
/// self-assessed or verified; a checklist item left unticked; the verified total at the site-visit threshold.
/// </summary>
public sealed record DrillQuery(
    string? Stage = null, string? Basis = null, string? Category = null, string? Dimension = null, string? Issue = null,
    decimal? ScoreFrom = null, decimal? ScoreTo = null, string? MissedItem = null, bool? AtThreshold = null,
    string? Sort = null, bool? Desc = null, int? Page = null)
{
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        if (Stage is not null) yield return new("stage", Stage);
        if (Basis is not null) yield return new("basis", Basis);
        if (Category is not null) yield return new("category", Category);
        if (Dimension is not null) yield return new("dimension", Dimension);
        if (Issue is not null) yield return new("issue", Issue);
        if (ScoreFrom is { } from) yield return new("scoreFrom", from.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ScoreTo is { } to) yield return new("scoreTo", to.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (MissedItem is not null) yield return new("missedItem", MissedItem);
        if (AtThreshold == true) yield return new("atThreshold", "true");
    }
}

public static class OrganizationDrill
{
    public static Outcome<OrganizationList> List(RoundData data, DrillQuery q)
    {
        var pack = data.Pack;
        var errors = new ValidationErrors();
        ProgressStage? stage = null;
        if (q.Stage is not null)
        {
            if (Enum.TryParse<ProgressStage>(q.Stage, true, out var s) && !int.TryParse(q.Stage, out _)) stage = s;
            else errors.Add("stage", "ขั้นต้องเป็น notStarted, draft, awaitingApproval, submitted, underReview, verified หรือ certified",
                "The stage is notStarted, draft, awaitingApproval, submitted, underReview, verified or certified.");
        }
        var verifiedBasis = q.AtThreshold == true || string.Equals(q.Basis, "verified", StringComparison.OrdinalIgnoreCase);
        if (q.Basis is not null && !verifiedBasis && !string.Equals(q.Basis, "self", StringComparison.OrdinalIgnoreCase))
            errors.Add("basis", "ฐานต้องเป็น self หรือ verified", "The basis is self or verified.");
        var category = q.Category is null ? -1 : pack.Categories.ToList().FindIndex(c => c.Code == q.Category);
        if (q.Category is not null && category < 0) errors.Add("category", "ไม่มีหมวดรหัสนี้", "No category has this code.");
        if (q.Dimension is not null && pack.Dimensions.All(d => d.Code != q.Dimension)) errors.Add("dimension", "ไม่มีมิติรหัสนี้", "No dimension has this code.");
        var issue = q.Issue is null ? -1 : pack.Issues.Select(i => i.Code).ToList().IndexOf(q.Issue);
        if (q.Issue is not null && issue < 0) errors.Add("issue", "ไม่มีประเด็นรหัสนี้", "No issue has this code.");
        if (q.Issue is not null && verifiedBasis) errors.Add("issue", "คะแนนรายประเด็นมีเฉพาะที่หน่วยงานประเมินตนเอง", "Issue scores are self-assessed only.");
        var item = q.MissedItem is null ? -1 : TickStrings.Items(pack).Select(x => x.Item.Code).ToList().IndexOf(q.MissedItem);
        if (q.MissedItem is not null && item < 0) errors.Add("missedItem", "ไม่มีข้อรายการรหัสนี้", "No checklist item has this code.");
        var sorting = Sorting.Parse(q.Sort, q.Desc, q.Page, pack, fallback: "score");
        if (sorting is null) errors.Add("sort", "เรียงได้ตาม code, name, total, verified, score หรือรหัสประเด็น", "Sort by code, name, total, verified, score or an issue's code.");
        if (errors.Any) return errors;

        decimal? Score(AssessmentFact f)
        {
            if (verifiedBasis)
            {
                if (f.Verified is null) return null;
                if (category >= 0) return f.Verified.Categories[category];
                if (q.Dimension is not null) return f.Verified.Dimensions.TryGetValue(q.Dimension, out var d) ? d : null;
                return f.VerifiedTotal;
            }
            if (category >= 0) return f.Self.Categories.Length > category ? Scoring.Round(f.Self.Categories[category]) : null;
            if (q.Dimension is not null) return f.Self.Dimensions.TryGetValue(q.Dimension, out var sd) ? Scoring.Round(sd) : null;
            if (issue >= 0) return f.Self.Issues.Length > issue ? Scoring.Round(f.Self.Issues[issue]) : null;
            return Scoring.Round(f.SelfTotal);
        }

        IEnumerable<AssessmentFact> facts = data.Facts;
        var byScore = q.ScoreFrom is not null || q.ScoreTo is not null || category >= 0 || q.Dimension is not null || issue >= 0 || item >= 0
            || q.AtThreshold == true || q.Basis is not null;
        if (stage is { } st) facts = facts.Where(f => f.Stage == st);
        else if (byScore) facts = verifiedBasis ? facts.Where(f => f.IsVerified) : facts.Where(f => f.Scored);
        if (item >= 0) facts = facts.Where(f => f.Ticks.Length <= item || f.Ticks[item] != '1');
        if (q.AtThreshold == true) facts = facts.Where(f => f.VerifiedTotal >= data.Round.SiteVisitThreshold);
        // A bin holds from ≤ score < to; the top bin also 500.
        if (q.ScoreFrom is { } from) facts = facts.Where(f => Score(f) >= from);
        if (q.ScoreTo is { } to) facts = facts.Where(f => Score(f) is { } s && (s < to || (to >= 500 && s <= to)));

        var list = RoundDashboard.Sort(pack, facts, sorting!, Score).ToList();
        var rows = list.Skip((sorting!.Page - 1) * RoundDashboard.PageSize).Take(RoundDashboard.PageSize).Select(f => RoundDashboard.Row(f, Score(f))).ToList();
        return new OrganizationList(list.Count, sorting.Page, RoundDashboard.PageSize, sorting.Key, sorting.Descending, rows);
    }
}
