using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

public sealed record RoundInput(
    int? FiscalYear, string? FrameworkCode, IReadOnlyList<string>? Audiences, DateTimeOffset? OpensAt, DateTimeOffset? SubmissionDeadline,
    DateTimeOffset? VerificationEndsAt = null, DateTimeOffset? SiteVisitFrom = null, DateTimeOffset? SiteVisitTo = null,
    DateTimeOffset? AwardDate = null, decimal? SiteVisitThreshold = null, IReadOnlyList<RoundBand>? StatusBands = null,
    string? SignatoryName = null, string? SignatoryPosition = null);

/// <summary>A status band of the round: the total from which an agency's status is <c>Level</c>.</summary>
public sealed record RoundBand(string? Level, decimal? From);

/// <summary>An OPDC officer creates a round on the current version of a framework. The round is a plan
/// until it is opened.</summary>
public sealed class CreateRound(PmqaDbContext db, TimeProvider clock)
{
    public static readonly string[] AudienceNames = ["department", "publicOrganization", "province"];

    public async Task<Outcome<Guid>> HandleAsync(RoundInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.FiscalYear is not (>= 2560 and <= 2700))
            errors.Add("fiscalYear", "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570", "The fiscal year is a Buddhist Era year such as 2570.");
        var audiences = (input.Audiences ?? []).Select(a => a.Trim()).Distinct().ToList();
        if (audiences.Count == 0 || audiences.Any(a => !AudienceNames.Contains(a)))
            errors.Add("audiences", "เลือกกลุ่มเป้าหมายอย่างน้อยหนึ่งกลุ่ม: department, publicOrganization หรือ province",
                "Choose at least one audience: department, publicOrganization or province.");
        if (input.OpensAt is null) errors.Add("opensAt", "กรุณาระบุวันเปิดรอบ", "Enter the opening date.");
        if (input.SubmissionDeadline is null) errors.Add("submissionDeadline", "กรุณาระบุกำหนดส่ง", "Enter the submission deadline.");
        if (input.FiscalYear is { } fiscalYear and >= 2560 and <= 2700)
        {
            RoundRules.Validate(fiscalYear, new(input.OpensAt, input.SubmissionDeadline, input.VerificationEndsAt, input.SiteVisitFrom,
                input.SiteVisitTo, input.AwardDate), errors);
            await RefuseSecondRoundAsync(fiscalYear, audiences, errors, ct);
        }
        errors.Limit("signatoryName", input.SignatoryName, TextLimits.Name).Limit("signatoryPosition", input.SignatoryPosition, TextLimits.Name);
        if (input.SiteVisitThreshold is < 0 or > 500)
            errors.Add("siteVisitThreshold", "เกณฑ์คะแนนต้องอยู่ระหว่าง 0 ถึง 500", "The threshold must be between 0 and 500.");
        var bands = ValidateBands(input.StatusBands, errors);
        var framework = await db.FrameworkVersions.AsNoTracking()
            .Where(f => f.Code == (input.FrameworkCode ?? "")).OrderByDescending(f => f.ImportedAt).FirstOrDefaultAsync(ct);
        if (framework is null) errors.Add("frameworkCode", $"ไม่พบเกณฑ์ {input.FrameworkCode}", $"No framework has the code {input.FrameworkCode}.");
        if (errors.Any) return errors;

        var round = new Round
        {
            FiscalYear = input.FiscalYear!.Value, FrameworkVersionId = framework!.Id, Audiences = string.Join(",", audiences),
            OpensAt = input.OpensAt!.Value.ToUniversalTime(), SubmissionDeadline = input.SubmissionDeadline!.Value.ToUniversalTime(),
            VerificationEndsAt = input.VerificationEndsAt?.ToUniversalTime(), SiteVisitFrom = input.SiteVisitFrom?.ToUniversalTime(),
            SiteVisitTo = input.SiteVisitTo?.ToUniversalTime(), AwardDate = input.AwardDate?.ToUniversalTime(),
            SiteVisitThreshold = input.SiteVisitThreshold ?? 350, CreatedAt = clock.GetUtcNow(),
            SignatoryName = input.SignatoryName?.Trim() ?? "", SignatoryPosition = input.SignatoryPosition?.Trim() ?? "",
            StatusBandsJson = bands is null ? "" : System.Text.Json.JsonSerializer.Serialize(bands, Domain.Frameworks.FrameworkPackJson.Options),
        };
        db.Rounds.Add(round);
        // The claims make the rule hold under a race: of two officers creating the same round at one instant,
        // the second save breaks the key (fiscal year, audience) and gets the same answer as a later create.
        foreach (var audience in audiences)
            db.RoundAudiences.Add(new RoundAudience { FiscalYear = round.FiscalYear, Audience = audience, RoundId = round.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsUniqueViolation(e))
        {
            return SecondRound(new ValidationErrors(), round.FiscalYear, audiences);
        }
        return round.Id;
    }

    /// <summary>One round per fiscal year and audience: a second one would give the same agencies a second,
    /// identical assessment. To change a round, edit it; to start over, cancel it while it has not opened.</summary>
    private async Task RefuseSecondRoundAsync(int fiscalYear, List<string> audiences, ValidationErrors errors, CancellationToken ct)
    {
        var existing = await db.Rounds.AsNoTracking().Where(r => r.FiscalYear == fiscalYear).Select(r => r.Audiences).ToListAsync(ct);
        var taken = audiences.Where(a => existing.Any(e => e.Split(',').Contains(a))).ToList();
        if (taken.Count > 0) SecondRound(errors, fiscalYear, taken);
    }

    private static ValidationErrors SecondRound(ValidationErrors errors, int fiscalYear, List<string> taken)
    {
        var names = string.Join(", ", taken);
        return errors.Add("fiscalYear", $"มีรอบการประเมินปีงบประมาณ {fiscalYear} สำหรับกลุ่มเป้าหมาย {names} อยู่แล้ว: แก้ไขรอบเดิมแทนการสร้างใหม่",
            $"A round of fiscal year {fiscalYear} already exists for {names}: edit that round instead of creating another.");
    }

    private static List<Domain.Frameworks.StatusBand>? ValidateBands(IReadOnlyList<RoundBand>? input, ValidationErrors errors)
    {
        if (input is null || input.Count == 0) return null;
        var bands = new List<Domain.Frameworks.StatusBand>();
        foreach (var band in input)
        {
            if (!Enum.TryParse<Domain.Frameworks.MaturityLevel>(band.Level, true, out var level) || level == Domain.Frameworks.MaturityLevel.None
                || band.From is not (>= 0 and <= 500))
            {
                errors.Add("statusBands", "แต่ละช่วงต้องมีระดับ (Basic, Advance, Significance) และคะแนนเริ่มต้น 0–500",
                    "Each band needs a level (Basic, Advance, Significance) and a starting score of 0–500.");
                return null;
            }
            bands.Add(new(level, band.From.Value));
        }
        var ordered = bands.OrderBy(b => b.Level).ToList();
        if (ordered.Select(b => b.Level).Distinct().Count() != ordered.Count || ordered.Zip(ordered.Skip(1)).Any(p => p.First.From >= p.Second.From))
        {
            errors.Add("statusBands", "ระดับที่สูงกว่าต้องเริ่มที่คะแนนสูงกว่า และไม่ซ้ำกัน", "Each level appears once, and a higher level starts at a higher score.");
            return null;
        }
        return ordered;
    }
}

/// <summary>Opening a round creates one draft assessment for every active organisation of its audiences
/// and locks the framework version it uses. Opening it again later gives a draft to the organisations added
/// since (an organisation never gets two).</summary>
public sealed class OpenRound(PmqaDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await db.Rounds.Include(r => r.FrameworkVersion).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new Outcome<int>.NotFound();
        var types = round.Audiences.Split(',').Select(a => OrganizationTypes.TryParseApiName(a, out var t) ? t : (OrganizationType?)null)
            .OfType<OrganizationType>().ToList();
        var organizations = await db.Organizations.Where(o => o.IsActive && types.Contains(o.Type))
            .Where(o => !db.Assessments.Any(a => a.RoundId == round.Id && a.OrganizationId == o.Id)).Select(o => o.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var organizationId in organizations)
            db.Assessments.Add(new Assessment { RoundId = round.Id, OrganizationId = organizationId, CreatedAt = now });
        round.OpenedAt ??= now;
        round.FrameworkVersion!.LockedAt ??= now;
        await db.SaveChangesAsync(ct);
        return organizations.Count;
    }
}

/// <summary>Grants one organisation a later submission deadline, with a reason.</summary>
public sealed class GrantExtension(PmqaDbContext db, TimeProvider clock)
{
    public sealed record Command(Guid RoundId, Guid? OrganizationId, DateTimeOffset? Until, string? Reason);

    public async Task<Outcome<Guid>> HandleAsync(Command command, CancellationToken ct = default)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RoundId, ct);
        if (round is null) return new Outcome<Guid>.NotFound();
        var errors = new ValidationErrors();
        if (command.OrganizationId is not { } orgId || !await db.Assessments.AnyAsync(a => a.RoundId == round.Id && a.OrganizationId == orgId, ct))
            errors.Add("organizationId", "หน่วยงานนี้ไม่มีการประเมินในรอบนี้", "This organisation has no assessment in this round.");
        if (command.Until is not { } until || until <= round.SubmissionDeadline)
            errors.Add("until", "วันที่ขยายต้องอยู่หลังกำหนดส่งเดิม", "The new deadline must come after the round's deadline.");
        if (string.IsNullOrWhiteSpace(command.Reason)) errors.Add("reason", "กรุณาระบุเหตุผล", "Give the reason.");
        if (errors.Any) return errors;
        var extension = new RoundExtension
        {
            RoundId = round.Id, OrganizationId = command.OrganizationId!.Value, Until = command.Until!.Value.ToUniversalTime(),
            Reason = command.Reason!.Trim(), GrantedAt = clock.GetUtcNow(),
        };
        db.RoundExtensions.Add(extension);
        await db.SaveChangesAsync(ct);
        return extension.Id;
    }
}

