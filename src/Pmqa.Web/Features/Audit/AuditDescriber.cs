using System.Text.Json;
using Pmqa.Data.Auditing;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Audit;

/// <summary>A text that changed, shown as before and after (an explanation of one level, a profile section, a name).</summary>
public sealed record TextChange(Msg Label, string? Before, string? After);

/// <summary>The kinds an officer filters by, each a group of entity types.</summary>
public static class AuditKinds
{
    public static readonly IReadOnlyDictionary<string, (Msg Name, string[] Types)> All = new Dictionary<string, (Msg, string[])>
    {
        ["answers"] = (new("คำตอบการประเมินตนเอง", "Self-assessment answers"), [nameof(IssueAnswer), nameof(ProfileAnswer), nameof(CategoryAssignment)]),
        ["submission"] = (new("การส่งและการอนุมัติ", "Submission and approval"), [nameof(Assessment), nameof(AssessmentTransition)]),
        ["evidence"] = (new("เอกสารหลักฐาน", "Evidence"), [nameof(Evidence), nameof(EvidenceLink)]),
        ["review"] = (new("การตรวจประเมินและคำชี้แจง", "Review and clarifications"),
            [nameof(ReviewAssignment), nameof(ReviewAnswer), nameof(ConsensusAnswer), nameof(Clarification), nameof(ClarificationMessage)]),
        ["sitevisit"] = (new("การตรวจ ณ พื้นที่และใบรับรอง", "Site visits and certificates"), [nameof(SiteVisit), nameof(SiteVisitFinding), nameof(Certificate)]),
        ["gaps"] = (new("ช่องว่างและลำดับความสำคัญ", "Gaps and priorities"), [nameof(GapSetting)]),
        ["practices"] = (new("แนวปฏิบัติที่ดีที่แบ่งปัน", "Shared good practice"), [nameof(SharedPractice)]),
        ["digital"] = (new("ทะเบียนบริการดิจิทัล", "Digital-government register"),
            [nameof(DigitalService), nameof(CatalogDataset), nameof(DataExchange), nameof(AreaProject), nameof(ParticipationChannel)]),
        ["people"] = (new("ผู้ใช้และสมาชิก", "People and memberships"), [nameof(AppUser), nameof(Membership), nameof(ApiToken), Account.RequestPasswordReset.AuditType]),
        ["setup"] = (new("หน่วยงาน รอบ และเกณฑ์", "Organisations, rounds and frameworks"), [nameof(Organization), nameof(Round), nameof(FrameworkVersion)]),
    };

    public static string? Of(string entityType) => All.FirstOrDefault(k => k.Value.Types.Contains(entityType)).Key;
}

/// <summary>
/// Says in words what an audit entry did ("ticked 1.1.A2", "changed the explanation of Basic",
/// "approved the submission"), in Thai and English, and picks out the texts to show as before/after.
/// <paramref name="subject"/> is the issue or profile section code when the entry is about one.
/// </summary>
public static class AuditDescriber
{
    private static readonly HashSet<string> Bookkeeping = ["UpdatedAt", "UpdatedBy", "Version", "AssessmentId", "IssueCode", "SectionCode", "Id"];

    public static IReadOnlyList<Msg> Describe(string entityType, AuditAction action, IReadOnlyList<FieldChange> changes, string? subject)
    {
        var lines = entityType switch
        {
            nameof(IssueAnswer) => IssueAnswer(changes, subject).ToList(),
            nameof(ProfileAnswer) => [new Msg($"แก้ไขลักษณะสำคัญขององค์การ หัวข้อ {subject}", $"changed organisation profile section {subject}")],
            nameof(Assessment) => Assessment(changes).ToList(),
            Account.RequestPasswordReset.AuditType => [PasswordResetRequest(changes)],
            nameof(SharedPractice) => SharedPractice(changes).ToList(),
            _ => [],
        };
        if (lines.Count > 0) return lines;
        var noun = Noun(entityType);
        var fields = string.Join(", ", changes.Select(c => c.Field).Where(f => !Bookkeeping.Contains(f)));
        return action switch
        {
            AuditAction.Created => [new($"สร้าง{noun.Th}", $"created {noun.En}")],
            AuditAction.Deleted => [new($"ลบ{noun.Th}", $"deleted {noun.En}")],
            _ => [new($"แก้ไข{noun.Th}: {fields}", $"changed {noun.En}: {fields}")],
        };
    }

    /// <summary>The free texts an entry changed, to show as before and after.</summary>
    public static IReadOnlyList<TextChange> Texts(string entityType, IReadOnlyList<FieldChange> changes)
    {
        var texts = new List<TextChange>();
        foreach (var c in changes)
        {
            if (c.Field == nameof(Data.Entities.IssueAnswer.ExplanationsJson))
            {
                var (before, after) = (Levels(c.Old), Levels(c.New));
                foreach (var level in before.Keys.Union(after.Keys).Where(l => before.GetValueOrDefault(l) != after.GetValueOrDefault(l)))
                    texts.Add(new(new($"คำอธิบายระดับ {level}", $"Explanation of {level}"), before.GetValueOrDefault(level), after.GetValueOrDefault(level)));
            }
            else if (c.Field is "Text" or "NameTh" or "NameEn" or "DisplayName" or "ReturnReason" or "Reason" or "Body" or "Comment" or "Note")
                texts.Add(new(new(c.Field, c.Field), c.Old, c.New));
        }
        return texts;
    }

    private static IEnumerable<Msg> IssueAnswer(IReadOnlyList<FieldChange> changes, string? issue)
    {
        var at = issue is null ? new Msg("", "") : new Msg($"ประเด็น {issue}: ", $"issue {issue}: ");
        foreach (var c in changes)
        {
            switch (c.Field)
            {
                case nameof(Data.Entities.IssueAnswer.CheckedJson):
                    var (before, after) = (Items(c.Old), Items(c.New));
                    var ticked = after.Except(before).ToList();
                    var unticked = before.Except(after).ToList();
                    if (ticked.Count > 0) yield return new($"{at.Th}ติ๊ก {string.Join(", ", ticked)}", $"{at.En}ticked {string.Join(", ", ticked)}");
                    if (unticked.Count > 0) yield return new($"{at.Th}เอาติ๊กออก {string.Join(", ", unticked)}", $"{at.En}unticked {string.Join(", ", unticked)}");
                    break;
                case nameof(Data.Entities.IssueAnswer.ExplanationsJson):
                    var (old, @new) = (Levels(c.Old), Levels(c.New));
                    foreach (var level in old.Keys.Union(@new.Keys).Where(l => old.GetValueOrDefault(l) != @new.GetValueOrDefault(l)))
                        yield return (old.ContainsKey(level), @new.ContainsKey(level)) switch
                        {
                            (false, _) => new($"{at.Th}เขียนคำอธิบายระดับ {level}", $"{at.En}wrote the explanation of {level}"),
                            (_, false) => new($"{at.Th}ลบคำอธิบายระดับ {level}", $"{at.En}removed the explanation of {level}"),
                            _ => new($"{at.Th}แก้ไขคำอธิบายระดับ {level}", $"{at.En}changed the explanation of {level}"),
                        };
                    break;
                case nameof(Data.Entities.IssueAnswer.IndicatorsJson):
                    yield return new($"{at.Th}แก้ไขตัวชี้วัด", $"{at.En}changed the indicators");
                    break;
            }
        }
    }

    /// <summary>The library of good practice (ADR 0022): shared, approved or declined, by the status it moved to.</summary>
    private static IEnumerable<Msg> SharedPractice(IReadOnlyList<FieldChange> changes)
    {
        var status = changes.FirstOrDefault(c => c.Field == nameof(Data.Entities.SharedPractice.Status))?.New;
        var reason = changes.FirstOrDefault(c => c.Field == nameof(Data.Entities.SharedPractice.DeclineReason))?.New;
        var issue = changes.FirstOrDefault(c => c.Field == nameof(Data.Entities.SharedPractice.IssueCode))?.New;
        var at = issue is null ? "" : $" {issue}";
        if (status == "Pending") yield return new($"แบ่งปันประเด็น{at} เป็นตัวอย่าง", $"shared issue{at} as an example");
        else if (status == "Approved") yield return new("อนุมัติตัวอย่างให้อยู่ในคลังแนวปฏิบัติที่ดี", "approved the example for the library");
        else if (status == "Declined") yield return new($"ไม่อนุมัติตัวอย่าง: {reason}", $"declined the example: {reason}");
    }

    private static Msg PasswordResetRequest(IReadOnlyList<FieldChange> changes)
    {
        string? Value(string field) => changes.FirstOrDefault(c => c.Field == field)?.New;
        var (email, client) = (Value("Email"), Value("Client"));
        var outcome = Value("Outcome") switch
        {
            Account.RequestPasswordReset.Outcomes.Mailed => new Msg("ส่งลิงก์ทางอีเมลแล้ว", "link e-mailed"),
            Account.RequestPasswordReset.Outcomes.UnknownAddress => new Msg("ไม่มีบัญชีที่ใช้อีเมลนี้ ไม่ได้ส่ง", "no account has this address; nothing sent"),
            Account.RequestPasswordReset.Outcomes.Disabled => new Msg("บัญชีถูกระงับ ไม่ได้ส่ง", "the account is disabled; nothing sent"),
            var other => new Msg($"ไม่ได้ส่ง ({other})", $"nothing sent ({other})"),
        };
        return new($"ขอลิงก์ตั้งรหัสผ่านใหม่สำหรับ {email} จาก {client}: {outcome.Th}",
            $"asked for a set-password link for {email} from {client}: {outcome.En}");
    }

    private static IEnumerable<Msg> Assessment(IReadOnlyList<FieldChange> changes)
    {
        var state = changes.FirstOrDefault(c => c.Field == nameof(Data.Entities.Assessment.State));
        if (state?.New is null) yield break;
        yield return state.New switch
        {
            "AwaitingApproval" => new("ส่งให้ผู้บริหารอนุมัติ", "sent the submission for approval"),
            "Submitted" => new("อนุมัติและส่งผลการประเมินตนเอง", "approved the submission"),
            "Draft" when state.Old == "AwaitingApproval" => new("ส่งกลับให้แก้ไข (ไม่อนุมัติ)", "rejected the submission"),
            "Draft" => new("เปิดให้แก้ไขอีกครั้ง", "reopened the assessment"),
            "UnderReview" => new("เริ่มการตรวจประเมิน", "started the review"),
            "Verified" => new("ยืนยันคะแนนที่ตรวจสอบแล้ว", "confirmed the verified score"),
            "SiteVisitOffered" => new("เสนอการตรวจ ณ พื้นที่", "offered a site visit"),
            "SiteVisitScheduled" => new("นัดหมายการตรวจ ณ พื้นที่", "scheduled the site visit"),
            "SiteVisited" => new("บันทึกการตรวจ ณ พื้นที่เสร็จสิ้น", "completed the site visit"),
            "Certified" => new("รับรองผล", "certified the assessment"),
            "NotCertified" => new("ไม่รับรองผล", "did not certify the assessment"),
            var other => new($"เปลี่ยนสถานะเป็น {other}", $"changed the state to {other}"),
        };
    }

    private static Msg Noun(string entityType) => entityType switch
    {
        nameof(Organization) => new("หน่วยงาน", "the organisation"),
        nameof(AppUser) => new("ผู้ใช้", "the user"),
        nameof(Membership) => new("สมาชิกของหน่วยงาน", "a membership"),
        nameof(Round) => new("รอบการประเมิน", "the round"),
        nameof(Evidence) => new("เอกสารหลักฐาน", "evidence"),
        nameof(EvidenceLink) => new("การเชื่อมโยงหลักฐานกับประเด็น", "an evidence link"),
        nameof(CategoryAssignment) => new("การมอบหมายหมวด", "a category assignment"),
        nameof(ReviewAssignment) => new("ผู้ตรวจในคณะ", "a review team member"),
        nameof(ReviewAnswer) => new("ผลการตรวจของผู้ตรวจ", "a reviewer's scoring"),
        nameof(ConsensusAnswer) => new("ผลการตรวจฉันทามติ", "the consensus scoring"),
        nameof(Clarification) => new("คำถามขอคำชี้แจง", "a clarification"),
        nameof(ClarificationMessage) => new("ข้อความในคำชี้แจง", "a clarification message"),
        nameof(SiteVisit) => new("การตรวจ ณ พื้นที่", "the site visit"),
        nameof(SiteVisitFinding) => new("ข้อค้นพบการตรวจ ณ พื้นที่", "a site-visit finding"),
        nameof(Certificate) => new("ใบรับรอง", "a certificate"),
        nameof(ApiToken) => new("โทเคน API", "an API token"),
        nameof(FrameworkVersion) => new("ฉบับของเกณฑ์", "a framework version"),
        nameof(GapSetting) => new("เป้าหมายและลำดับความสำคัญของช่องว่าง", "a gap's target and priority"),
        nameof(SharedPractice) => new("ตัวอย่างแนวปฏิบัติที่ดี", "a shared example"),
        nameof(DigitalService) => new("บริการในทะเบียนบริการดิจิทัล", "a service of the digital register"),
        nameof(CatalogDataset) => new("ชุดข้อมูลใน GD Catalog", "a GD Catalog dataset"),
        nameof(DataExchange) => new("การเชื่อมโยงข้อมูล", "a data exchange"),
        nameof(AreaProject) => new("โครงการเชิงพื้นที่", "an area project"),
        nameof(ParticipationChannel) => new("ช่องทางการมีส่วนร่วม", "a participation channel"),
        nameof(AssessmentTransition) => new("ประวัติสถานะการประเมิน", "a state change record"),
        nameof(Data.Entities.Assessment) => new("การประเมิน", "the assessment"),
        nameof(PublishedResult) => new("ผลที่เผยแพร่เป็นข้อมูลเปิด", "a published result"),
        nameof(ResultWithholding) => new("การงดเผยแพร่ผล", "a withholding of a result"),
        nameof(PromotionEvent) => new("กิจกรรมในปฏิทิน", "a calendar event"),
        nameof(EventRegistration) => new("การลงทะเบียนเข้าร่วมกิจกรรม", "an event registration"),
        _ => new(entityType, entityType),
    };

    private static List<string> Items(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static Dictionary<string, string> Levels(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
