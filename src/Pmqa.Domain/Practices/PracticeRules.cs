using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Practices;

/// <summary>Where a shared example stands: waiting for OPDC, in the library, or sent back with a reason.</summary>
public enum PracticeStatus { Pending, Approved, Declined }

/// <summary>Why an issue cannot be shared as an example.</summary>
public enum ShareRefusal { None, NotCertified, LevelTooLow }

/// <summary>
/// The rules of the library of good practice (ADR 0022): only a certified assessment shares, and only an issue whose
/// verified level reached Advance or Significance, so every example in the library is one worth learning from.
/// OPDC decides once on what is pending; sharing again puts the example back in the queue.
/// </summary>
public static class PracticeRules
{
    public const MaturityLevel LowestShared = MaturityLevel.Advance;

    public static ShareRefusal MayShare(AssessmentState state, MaturityLevel verifiedLevel) =>
        state != AssessmentState.Certified ? ShareRefusal.NotCertified
        : verifiedLevel < LowestShared ? ShareRefusal.LevelTooLow
        : ShareRefusal.None;

    public static bool MayDecide(PracticeStatus status) => status == PracticeStatus.Pending;
}
