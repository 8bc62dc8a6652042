namespace Pmqa.Data.Entities;

/// <summary>Changes to this entity are written to the audit trail.</summary>
public interface IAudited;

/// <summary>An optimistic-concurrency version, raised on every update: a save from a stale copy fails
/// instead of silently overwriting someone else's change.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
