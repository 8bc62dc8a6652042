using Pmqa.Domain.Time;

namespace Pmqa.Domain.Plans;

/// <summary>One field's problem, in Thai and English, named by the API's field name.</summary>
public sealed record PlanError(string Field, string Th, string En);

/// <summary>The dates, budget and progress of a project or an action, as the rules check them.</summary>
public sealed record Schedule(DateOnly? Start, DateOnly? End, decimal? Budget);

/// <summary>Rules for projects, actions and follow-up that need no database (ADR 0017).</summary>
public static class PlanRules
{
    /// <summary>Budgets are in baht with satang; a project of more than ten billion baht is a typing error.</summary>
    public const decimal MaxBudget = 10_000_000_000m;

    /// <summary>The first and last Bangkok days a plan covers: its fiscal year, or three from it.</summary>
    public static (DateOnly From, DateOnly To) Span(int fiscalYearBe, PlanHorizon horizon)
    {
        var from = new DateOnly(fiscalYearBe - ThaiTime.BuddhistEraOffset - 1, 10, 1);
        var years = horizon == PlanHorizon.ThreeYear ? 3 : 1;
        return (from, from.AddYears(years).AddDays(-1));
    }

    /// <summary>Dates present, end not before start, inside <paramref name="span"/> (the plan's, or the
    /// project's for an action); budget not negative and not absurd.</summary>
    public static List<PlanError> CheckSchedule(Schedule s, (DateOnly From, DateOnly To) span, bool withinProject = false)
    {
        var errors = new List<PlanError>();
        if (s.Start is null) errors.Add(new("startDate", "กรุณาระบุวันเริ่ม", "Give a start date."));
        if (s.End is null) errors.Add(new("endDate", "กรุณาระบุวันสิ้นสุด", "Give an end date."));
        if (s.Start is { } start && s.End is { } end)
        {
            if (end < start) errors.Add(new("endDate", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "The end date cannot be before the start date."));
            else if (start < span.From || end > span.To)
                errors.Add(withinProject
                    ? new("startDate", "ช่วงเวลาของกิจกรรมต้องอยู่ในช่วงเวลาของโครงการ", "An action's dates must lie within its project's dates.")
                    : new("startDate", "ช่วงเวลาของโครงการต้องอยู่ในช่วงปีงบประมาณของแผน", "A project's dates must lie within the plan's fiscal years."));
        }
        if (s.Budget is null) errors.Add(new("budget", "กรุณาระบุงบประมาณ (ใส่ 0 ถ้าไม่ใช้งบประมาณ)", "Give a budget (0 when none is needed)."));
        else if (s.Budget < 0) errors.Add(new("budget", "งบประมาณต้องไม่ติดลบ", "The budget cannot be negative."));
        else if (s.Budget > MaxBudget) errors.Add(new("budget", "งบประมาณสูงเกินกว่าที่เป็นไปได้", "The budget is larger than any plausible project."));
        else if (decimal.Round(s.Budget.Value, 2) != s.Budget) errors.Add(new("budget", "งบประมาณมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)", "At most two decimals (satang)."));
        return errors;
    }

    public static PlanError? CheckProgress(int? progress) => progress switch
    {
        null => new("progress", "กรุณาระบุความก้าวหน้า (ร้อยละ 0–100)", "Give the progress (0–100 %)."),
        < 0 or > 100 => new("progress", "ความก้าวหน้าต้องอยู่ระหว่างร้อยละ 0 ถึง 100", "Progress must be between 0 and 100 %."),
        _ => null,
    };

    /// <summary>A status that contradicts its progress: done below 100 %, or not started above 0 %.</summary>
    public static PlanError? CheckStatusAgainstProgress(ActionStatus status, int progress) => (status, progress) switch
    {
        (ActionStatus.Done, < 100) => new("progress", "กิจกรรมที่เสร็จแล้วต้องมีความก้าวหน้าร้อยละ 100", "A done action is 100 % done."),
        (ActionStatus.NotStarted, > 0) => new("status", "กิจกรรมที่มีความก้าวหน้าแล้วไม่ใช่ \"ยังไม่เริ่ม\"", "An action with progress has started."),
        _ => null,
    };

    /// <summary>Late: its end date (a Bangkok day) is over and it is not done. The last day itself is still on time.</summary>
    public static ActionStanding Standing(ActionStatus status, DateOnly end, DateTimeOffset now) =>
        status == ActionStatus.Done ? ActionStanding.Done
        : DateOnly.FromDateTime(ThaiTime.ToBangkok(now)) > end ? ActionStanding.Late
        : ActionStanding.OnTrack;

    /// <summary>A report is late when its deadline has passed and it is not submitted.</summary>
    public static bool IsReportLate(DateTimeOffset? deadline, DateTimeOffset? submittedAt, DateTimeOffset now) =>
        deadline is { } due && submittedAt is null && now > due;

    /// <summary>
    /// Budget per fiscal year (BE): each project's budget is spread over the fiscal years its dates cross, in
    /// proportion to its days in each (a 1 Sep–31 Oct project of 61,000 baht puts 30,000 in the first year and
    /// 31,000 in the next). Amounts are rounded to satang and the rounding remainder goes to the project's last
    /// year, so the years add up to the budget exactly. Actions' budgets are parts of their project's, not added.
    /// </summary>
    public static SortedDictionary<int, decimal> BudgetByFiscalYear(IEnumerable<(DateOnly Start, DateOnly End, decimal Budget)> projects)
    {
        var totals = new SortedDictionary<int, decimal>();
        foreach (var (start, end, budget) in projects)
        {
            if (end < start) continue;
            var days = end.DayNumber - start.DayNumber + 1;
            var first = ThaiTime.FiscalYearOf(start);
            var last = ThaiTime.FiscalYearOf(end);
            var given = 0m;
            for (var year = first; year <= last; year++)
            {
                var (from, to) = Span(year, PlanHorizon.OneYear);
                var inYear = Math.Min(to.DayNumber, end.DayNumber) - Math.Max(from.DayNumber, start.DayNumber) + 1;
                var share = year == last ? budget - given : decimal.Round(budget * inYear / days, 2, MidpointRounding.AwayFromZero);
                given += share;
                totals[year] = totals.GetValueOrDefault(year) + share;
            }
        }
        return totals;
    }
}
