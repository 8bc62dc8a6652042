namespace Pmqa.Data.Entities;

/// <summary>
/// How many submitted organisations of a round, of one type and under one ministry or province cluster, ticked one
/// checklist item (ADR 0035): the national dashboard's "most-missed items" are the group's submitted count less these,
/// without reading every organisation's tick string. Written only by PostgreSQL triggers on the score cards' ticks,
/// the assessments and the organisations, in the transaction of the change (atomic increments); SQLite keeps the
/// table empty and counts the tick strings in .NET.
/// </summary>
public sealed class DashboardTickCount
{
    public Guid RoundId { get; set; }
    /// <summary>The organisation type's name, as Organizations."Type" stores it.</summary>
    public string OrganizationType { get; set; } = "";
    /// <summary>The ministry or province cluster; <see cref="Guid.Empty"/> for an organisation under neither.</summary>
    public Guid ParentId { get; set; }
    /// <summary>The item's place in the tick string (<c>TickStrings.Items</c>), from 0.</summary>
    public int Position { get; set; }
    /// <summary>Submitted organisations that ticked the item; 0 once none does (rows are not deleted, so that
    /// concurrent increments never race a delete).</summary>
    public int Count { get; set; }
}
