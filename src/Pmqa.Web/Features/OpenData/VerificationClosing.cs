using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

public sealed record CloseVerificationInput(string? Note);

public sealed record VerificationClosed(DateTimeOffset ClosedAt, PublishSummary Publication);

/// <summary>
/// OPDC closes a round's verification (ADR 0024): the round is marked closed and its verified results are published
/// in the same save, so publication is the default rather than a step someone must remember. Withheld organisations
/// stay out, results already published unchanged keep their version, and a corrected one needs the note (as in
/// <see cref="ResultPublication"/>); when publication is refused the round stays open. The round's change is audited.
/// </summary>
public sealed class VerificationClosing(PmqaDbContext db, TimeProvider clock, ResultPublication publication, OpenDataFileRefresh files)
{
    public async Task<Outcome<VerificationClosed>> CloseAsync(Guid roundId, CloseVerificationInput input, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new Outcome<VerificationClosed>.NotFound();
        if (round.OpenedAt is null)
            return new Outcome<VerificationClosed>.Conflict(new("รอบนี้ยังไม่เปิด จึงปิดการตรวจสอบไม่ได้", "The round has not opened: there is no verification to close."));
        if (round.VerificationClosedAt is not null)
            return new Outcome<VerificationClosed>.Conflict(new("ปิดการตรวจสอบรอบนี้แล้ว (เผยแพร่ผลที่แก้ไขได้ที่หน้าการเผยแพร่)",
                "Verification of this round is closed already (publish corrections on the publication page)."));
        var staged = await publication.StageAsync(roundId, new PublishInput(input.Note), ct);
        if (staged is not Outcome<PublishSummary>.Ok { Value: var summary }) return staged.As<VerificationClosed>();
        round.VerificationClosedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct); // the round (version raised, audited) and the published rows together
        files.Request();
        return new VerificationClosed(round.VerificationClosedAt.Value, summary);
    }
}
