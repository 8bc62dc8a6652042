namespace Pmqa.Data.Entities;

/// <summary>One ASP.NET Core data-protection key (its XML as the key manager wrote it), shared by every application
/// instance on the database so that a sign-in cookie or antiforgery token made by one is read by another (ADR 0029).
/// The same shape as <c>Microsoft.AspNetCore.DataProtection.EntityFrameworkCore</c>'s entity.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string? Xml { get; set; }
}
