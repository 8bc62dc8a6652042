namespace Pmqa.Data.Entities;

/// <summary>A reminder sent before a deadline (ADR 0024). <see cref="Key"/> is unique: written in the same save as the
/// notifications, so a second run or a second instance finds it (or fails on it) and never sends twice.</summary>
public sealed class CalendarReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>e.g. <c>submission:{assessmentId}:{deadline ticks}:7</c>: a moved deadline is a new reminder.</summary>
    public string Key { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
