using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>
/// OPDC's reviewers and officers comment on an approved plan (as a whole, on a project, or on a report); the agency's
/// coordinator or executive answers a comment. Comments are appended, never edited, so they need no version.
/// </summary>
public sealed class PlanComments(PmqaDbContext db, PlanAccess access, CurrentUser me, Notifier notifier, Recipients recipients, TimeProvider clock)
{
    public async Task<Outcome<Guid>> AddAsync(Guid planId, Guid? reportId, CommentInput input, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.View, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<Guid>();
        if (reportId is { } rid && !await db.PlanReports.AnyAsync(r => r.Id == rid && r.PlanId == planId, ct)) return new Outcome<Guid>.NotFound();
        var fromOpdc = await access.IsOpdcAsync(plan) && !await me.HasRoleInAsync(plan.OrganizationId, Role.Coordinator, Role.Executive);
        if (!fromOpdc && await access.FindAsync(planId, PlanPermission.Answer, ct) is Outcome<ImprovementPlan>.Forbidden f)
            return new Outcome<Guid>.Forbidden(f.Message);
        if (plan.Status is not (PlanStatus.Approved or PlanStatus.Superseded))
            return new Outcome<Guid>.Conflict(new("ให้ความเห็นได้เมื่อแผนได้รับอนุมัติและส่งถึงสำนักงาน ก.พ.ร. แล้ว", "Comments come once the plan is approved and sent to OPDC."));

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "กรุณาพิมพ์ความเห็น", "Write the comment.");
        errors.Limit("text", input.Text, TextLimits.Comment);
        PlanComment? answered = null;
        if (input.ReplyToId is { } replyTo)
        {
            answered = await db.PlanComments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == replyTo && c.PlanId == planId, ct);
            if (answered is null) errors.Add("replyToId", "ไม่พบความเห็นที่ตอบ", "There is no such comment on this plan.");
        }
        else if (!fromOpdc) errors.Add("replyToId", "หน่วยงานตอบความเห็นของสำนักงาน ก.พ.ร. กรุณาเลือกความเห็นที่ตอบ", "The agency answers OPDC's comments: name the comment answered.");
        if (input.ProjectId is { } pid && !await db.PlanProjects.AnyAsync(p => p.Id == pid && p.PlanId == planId, ct))
            errors.Add("projectId", "ไม่พบโครงการนี้ในแผน", "The plan has no such project.");
        if (errors.Any) return errors;

        var name = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var comment = new PlanComment
        {
            PlanId = planId, ProjectId = input.ProjectId ?? answered?.ProjectId, ReportId = reportId ?? answered?.ReportId, ReplyToId = answered?.Id,
            FromAgency = !fromOpdc, Text = input.Text!.Trim(), AuthorUserId = me.Id!.Value, AuthorName = string.IsNullOrWhiteSpace(name) ? me.Name : name,
            At = clock.GetUtcNow(),
        };
        db.PlanComments.Add(comment);
        var link = comment.ReportId is { } r ? PlanLinks.Report(planId, r) : PlanLinks.Page(planId);
        if (fromOpdc)
            await notifier.NotifyAsync(await recipients.AgencyAsync(plan.OrganizationId, Role.Coordinator, Role.Executive), new NotificationText(
                "สำนักงาน ก.พ.ร. ให้ความเห็นต่อแผนพัฒนาองค์การ", "OPDC commented on the improvement plan", comment.Text, comment.Text, link), ct);
        else if (answered is not null)
            await notifier.NotifyAsync([answered.AuthorUserId], new NotificationText(
                "หน่วยงานตอบความเห็นต่อแผนพัฒนาองค์การ", "The agency answered your comment on its plan", comment.Text, comment.Text, link), ct);
        await db.SaveChangesAsync(ct);
        return comment.Id;
    }
}
