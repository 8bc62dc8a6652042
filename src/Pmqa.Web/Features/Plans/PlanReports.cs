using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Plans;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

public sealed record ReportActionInput(Guid? ActionId, string? Status, int? Progress, string? Narrative, IReadOnlyList<Guid>? EvidenceIds);

public sealed record ReportResultInput(Guid? ProjectId, decimal? Actual, string? Narrative);

public sealed record ReportInput(IReadOnlyList<ReportActionInput>? Actions, IReadOnlyList<ReportResultInput>? Results);

/// <summary>
/// 6- and 12-month follow-up of an approved plan: per action status, progress, narrative and evidence files of the
/// plan's assessment; at 12 months each project's result against its indicator. The coordinator writes and submits;
/// submitting makes the reported status and progress the actions' own.
/// </summary>
public sealed class PlanReports(PmqaDbContext db, PlanAccess access, CurrentUser me, TimeProvider clock)
{
    public static readonly Msg StaleMessage = new("มีผู้อื่นแก้ไขรายงานนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่", "Someone changed this report after you opened it: reload it.");
    private static readonly Msg Submitted = new("ส่งรายงานนี้แล้ว จึงแก้ไขไม่ได้", "This report has been submitted and can no longer change.");

    public async Task<Outcome<Guid>> CreateAsync(Guid planId, string? period, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.Edit, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<Guid>();
        if (PlanNames.Parse<ReportPeriod>(period) is not { } p)
            return new ValidationErrors().Add("period", "กรุณาเลือกรายงานรอบ 6 หรือ 12 เดือน", "Choose month6 or month12.");
        if (plan.Status != PlanStatus.Approved)
            return new Outcome<Guid>.Conflict(new("รายงานความก้าวหน้าได้เฉพาะแผนที่อนุมัติแล้ว (ฉบับปัจจุบัน)", "Progress is reported on the current approved plan only."));
        if (await db.PlanReports.AnyAsync(r => r.PlanId == planId && r.Period == p, ct))
            return new Outcome<Guid>.Conflict(new("แผนนี้มีรายงานรอบนี้แล้ว", "This plan has a report for that period already."));
        var now = clock.GetUtcNow();
        var actions = await db.ProjectActions.AsNoTracking().Where(a => db.PlanProjects.Any(pr => pr.Id == a.ProjectId && pr.PlanId == planId)).ToListAsync(ct);
        var report = new PlanReport
        {
            PlanId = planId, Period = p, CreatedAt = now, UpdatedAt = now,
            Entries = actions.Select(a => new PlanReportEntry { ActionId = a.Id, Status = a.Status, Progress = a.Progress }).ToList(),
        };
        if (p == ReportPeriod.Month12)
            report.Results = await db.PlanProjects.Where(pr => pr.PlanId == planId).Select(pr => new PlanReportResult { ProjectId = pr.Id }).ToListAsync(ct);
        db.PlanReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Outcome<Guid>.Conflict(new("แผนนี้มีรายงานรอบนี้แล้ว", "This plan has a report for that period already."));
        }
        return report.Id;
    }

    public async Task<Outcome<Saved>> UpdateAsync(Guid planId, Guid reportId, int ifMatch, ReportInput input, CancellationToken ct = default)
    {
        var loaded = await EditableAsync(planId, reportId, ct);
        if (loaded is not Outcome<(ImprovementPlan, PlanReport)>.Ok { Value: var (plan, report) }) return loaded.As<Saved>();
        if (report.Version != ifMatch) return new Outcome<Saved>.Conflict(StaleMessage);
        var errors = new ValidationErrors();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => e.AssessmentId == plan.AssessmentId && e.RemovedAt == null).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var items = input.Actions ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = $"actions[{i}]";
            var entry = report.Entries.FirstOrDefault(e => e.ActionId == item.ActionId);
            if (entry is null)
            {
                errors.Add($"{field}.actionId", "ไม่พบกิจกรรมนี้ในแผน", "The plan has no such action.");
                continue;
            }
            var status = PlanNames.Parse<ActionStatus>(item.Status);
            if (status is null) errors.Add($"{field}.status", "กรุณาเลือกสถานะ (notStarted, inProgress, done)", "Choose a status: notStarted, inProgress or done.");
            if (PlanRules.CheckProgress(item.Progress) is { } bad) errors.Add($"{field}.{bad.Field}", bad.Th, bad.En);
            else if (status is { } s && PlanRules.CheckStatusAgainstProgress(s, item.Progress!.Value) is { } contradiction)
                errors.Add($"{field}.{contradiction.Field}", contradiction.Th, contradiction.En);
            errors.Limit($"{field}.narrative", item.Narrative, TextLimits.Comment);
            var ids = (item.EvidenceIds ?? []).Distinct().ToList();
            if (ids.Any(id => !evidence.Contains(id)))
                errors.Add($"{field}.evidenceIds", "ไฟล์หลักฐานต้องเป็นไฟล์ของการประเมินที่แผนนี้อ้างอิง", "Evidence files must be files of the plan's assessment.");
            if (errors.Any) continue;
            entry.Status = status!.Value;
            entry.Progress = item.Progress!.Value;
            entry.Narrative = item.Narrative?.Trim() ?? "";
            entry.EvidenceIds = string.Join(',', ids);
        }
        var results = input.Results ?? [];
        if (results.Count > 0 && report.Period != ReportPeriod.Month12)
            errors.Add("results", "ผลลัพธ์ของโครงการรายงานในรอบ 12 เดือน", "Project results belong in the 12-month report.");
        for (var i = 0; i < results.Count && report.Period == ReportPeriod.Month12; i++)
        {
            var result = report.Results.FirstOrDefault(r => r.ProjectId == results[i].ProjectId);
            if (result is null)
            {
                errors.Add($"results[{i}].projectId", "ไม่พบโครงการนี้ในแผน", "The plan has no such project.");
                continue;
            }
            errors.Limit($"results[{i}].narrative", results[i].Narrative, TextLimits.Comment);
            result.Actual = results[i].Actual;
            result.Narrative = results[i].Narrative?.Trim() ?? "";
        }
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors;
        }
        report.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(report, ct);
    }

    public async Task<Outcome<Saved>> SubmitAsync(Guid planId, Guid reportId, CancellationToken ct = default)
    {
        var loaded = await EditableAsync(planId, reportId, ct);
        if (loaded is not Outcome<(ImprovementPlan, PlanReport)>.Ok { Value: var (_, report) }) return loaded.As<Saved>();
        var now = clock.GetUtcNow();
        report.SubmittedAt = now;
        report.SubmittedBy = me.Name;
        report.UpdatedAt = now;
        var byId = report.Entries.ToDictionary(e => e.ActionId);
        foreach (var action in await db.ProjectActions.Where(a => byId.Keys.Contains(a.Id)).ToListAsync(ct))
        {
            action.Status = byId[action.Id].Status;
            action.Progress = byId[action.Id].Progress;
        }
        return await SaveAsync(report, ct);
    }

    private async Task<Outcome<(ImprovementPlan, PlanReport)>> EditableAsync(Guid planId, Guid reportId, CancellationToken ct)
    {
        var found = await access.FindAsync(planId, PlanPermission.Edit, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<(ImprovementPlan, PlanReport)>();
        var report = await db.PlanReports.Include(r => r.Entries).Include(r => r.Results).SingleOrDefaultAsync(r => r.Id == reportId && r.PlanId == planId, ct);
        if (report is null) return new Outcome<(ImprovementPlan, PlanReport)>.NotFound();
        if (report.SubmittedAt is not null) return new Outcome<(ImprovementPlan, PlanReport)>.Conflict(Submitted);
        return (plan, report);
    }

    private async Task<Outcome<Saved>> SaveAsync(PlanReport report, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<Saved>.Conflict(StaleMessage);
        }
        return new Saved(report.Id, report.Version);
    }
}
