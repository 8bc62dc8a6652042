using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>
/// Performs one transition of an assessment: asks the pure state machine, applies the change, writes the
/// step to the assessment's history (who, when, from, to, why) and notifies the people it concerns, all
/// in one SaveChanges, so a refused or failed change leaves nothing behind. Every handler that moves an
/// assessment goes through here.
/// </summary>
public sealed class AssessmentWorkflow(PmqaDbContext db, TimeProvider clock, CurrentUser me, Notifier notifier, Recipients recipients)
{
    public static readonly Msg ChangedMeanwhile = new("มีผู้อื่นเปลี่ยนสถานะการประเมินนี้ก่อน กรุณาโหลดใหม่", "Someone else changed this assessment first; reload it.");

    public async Task<Outcome<AssessmentState>> MoveAsync(Assessment assessment, AssessmentAction action, TransitionFacts facts,
        string? reason, Action<Assessment> apply, CancellationToken ct = default)
    {
        var staged = await StageAsync(assessment, action, facts, reason, apply, ct);
        return staged is Outcome<AssessmentState>.Ok ? await SaveAsync(assessment, ct) : staged;
    }

    /// <summary>Everything <see cref="MoveAsync"/> does except saving: for a use case that makes two
    /// transitions (or a transition and other changes) which must be committed together by one
    /// <see cref="SaveAsync"/>.</summary>
    public async Task<Outcome<AssessmentState>> StageAsync(Assessment assessment, AssessmentAction action, TransitionFacts facts,
        string? reason, Action<Assessment> apply, CancellationToken ct = default)
    {
        var result = Transitions.Apply(assessment.State, action, facts);
        if (!result.Allowed) return new Outcome<AssessmentState>.Conflict(new Msg(result.RefusalTh!, result.RefusalEn!));
        var from = assessment.State;
        assessment.State = result.To!.Value;
        apply(assessment);
        db.AssessmentTransitions.Add(new AssessmentTransition
        {
            AssessmentId = assessment.Id, Action = action.ToString(), FromState = from.ToString(), ToState = assessment.State.ToString(),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), At = clock.GetUtcNow(), By = me.Name,
        });
        await NotifyAsync(assessment, action, reason, ct);
        return assessment.State;
    }

    /// <summary>Commits what was staged, in one SaveChanges (one transaction).</summary>
    public async Task<Outcome<AssessmentState>> SaveAsync(Assessment assessment, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<AssessmentState>.Conflict(ChangedMeanwhile);
        }
        return assessment.State;
    }

    private async Task NotifyAsync(Assessment a, AssessmentAction action, string? reason, CancellationToken ct)
    {
        var org = a.Organization?.NameTh ?? "";
        var orgEn = a.Organization?.NameEn is { Length: > 0 } en ? en : org;
        var year = a.Round?.FiscalYear;
        var link = $"/assessments/{a.Id}";
        var why = string.IsNullOrWhiteSpace(reason) ? "" : $" — {reason.Trim()}";
        NotificationText Text(string th, string en, string? path = null) =>
            new(th, en, $"{org} ปีงบประมาณ {year}{why}", $"{orgEn}, fiscal year {year}{why}", path ?? link);

        var (who, text) = action switch
        {
            AssessmentAction.Submit => (await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Executive),
                Text("การประเมินรอการอนุมัติจากท่าน", "An assessment awaits your approval")),
            AssessmentAction.Approve => ([.. await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Coordinator), .. await recipients.OpdcOfficersAsync()],
                Text("ผู้บริหารอนุมัติและส่งการประเมินแล้ว", "The assessment was approved and submitted")),
            AssessmentAction.Reject => (await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Coordinator),
                Text("ผู้บริหารส่งการประเมินกลับมาแก้ไข", "The executive sent the assessment back")),
            AssessmentAction.Reopen => (await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Coordinator, Domain.Organizations.Role.Executive),
                Text("สำนักงาน ก.พ.ร. เปิดให้แก้ไขการประเมิน", "OPDC reopened the assessment")),
            // The agency is told here; the review team gets its own sentence below.
            AssessmentAction.StartReview => (await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Coordinator),
                Text("สำนักงาน ก.พ.ร. เริ่มตรวจประเมินผลการประเมินตนเองของหน่วยงานท่านแล้ว", "OPDC has started reviewing your agency's self-assessment")),
            AssessmentAction.Confirm => ([.. await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Coordinator, Domain.Organizations.Role.Executive), .. await recipients.OpdcOfficersAsync()],
                Text("ยืนยันผลคะแนนแล้ว ดูรายงานป้อนกลับได้", "The verified score is confirmed; the feedback report is ready", $"{link}/feedback")),
            AssessmentAction.OfferSiteVisit => (await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Executive),
                Text("หน่วยงานของท่านได้รับข้อเสนอการตรวจ ณ พื้นที่ กรุณาตอบรับหรือปฏิเสธ", "Your agency is offered a site visit: accept or decline it", $"{link}/site-visit")),
            AssessmentAction.AcceptSiteVisit or AssessmentAction.DeclineSiteVisit => ([.. await recipients.OpdcOfficersAsync(), .. await recipients.ReviewTeamAsync(a.Id, leadOnly: true)],
                action == AssessmentAction.AcceptSiteVisit
                    ? Text("หน่วยงานตอบรับการตรวจ ณ พื้นที่ กรุณานัดหมาย", "The agency accepted the site visit: schedule it", $"{link}/site-visit")
                    : Text("หน่วยงานปฏิเสธการตรวจ ณ พื้นที่", "The agency declined the site visit", $"{link}/site-visit")),
            AssessmentAction.CompleteSiteVisit => (await recipients.OpdcOfficersAsync(),
                Text("ตรวจ ณ พื้นที่เสร็จแล้ว รอการตัดสินการรับรอง", "The site visit is done; certification awaits a decision", $"{link}/site-visit")),
            _ => ([.. await recipients.AgencyAsync(a.OrganizationId, Domain.Organizations.Role.Coordinator, Domain.Organizations.Role.Executive), .. await recipients.ReviewTeamAsync(a.Id)],
                action == AssessmentAction.Certify
                    ? Text("หน่วยงานได้รับการรับรองสถานะ PMQA 4.0", "The agency is certified", $"{link}/site-visit")
                    : Text("ผลการตัดสิน: ไม่ได้รับการรับรอง", "Decision: not certified", $"{link}/site-visit")),
        };
        // The person who acted knows already.
        await notifier.NotifyAsync(who.Where(id => id != me.Id), text, ct);
        if (action == AssessmentAction.StartReview)
            await notifier.NotifyAsync((await recipients.ReviewTeamAsync(a.Id)).Where(id => id != me.Id),
                Text("ท่านได้รับมอบหมายให้ตรวจประเมินในคณะผู้ตรวจประเมิน", "You are on the review team of this assessment", $"{link}/review"), ct);
    }
}
