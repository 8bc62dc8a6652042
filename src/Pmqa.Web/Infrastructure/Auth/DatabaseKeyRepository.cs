using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Data.Entities;

namespace Pmqa.Web.Infrastructure.Auth;

/// <summary>
/// The data-protection key ring in the application's own database (table <c>DataProtectionKeys</c>, ADR 0029), so
/// that every instance behind the proxy reads the same keys: a sign-in cookie, antiforgery token or one-time link
/// made by instance A is accepted by instance B, and no key folder needs sharing or backing up apart from the data.
/// Our own small repository rather than <c>Microsoft.AspNetCore.DataProtection.EntityFrameworkCore</c>: that package's
/// only restorable net10 release requires EF Core 10.0.15 while the solution pins 10.0.11 (same table shape, so
/// swapping later is a registration change).
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes, ILogger<DatabaseKeyRepository> log) : IXmlRepository
{
    // IXmlRepository is synchronous: the key manager calls it rarely (start-up, a new key every 90 days, a refresh a day).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).ToList()
            .Where(xml => !string.IsNullOrEmpty(xml)).Select(xml => XElement.Parse(xml!)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
        log.LogInformation("Saved data-protection key {FriendlyName} in the database", friendlyName);
    }

    /// <summary>Keys of the folder used before version 0017 (<c>DataProtection:KeysPath</c>, default <c>data/keys</c>)
    /// are copied into an empty table once, so that sign-ins and set-password links made before the upgrade still work.</summary>
    public static int ImportFolder(PmqaDbContext db, string folder)
    {
        if (!Directory.Exists(folder) || db.DataProtectionKeys.Any()) return 0;
        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
        return files.Count;
    }
}

/// <summary>Points the key manager at <see cref="DatabaseKeyRepository"/> (what <c>PersistKeysToDbContext</c> does).</summary>
internal sealed class KeysInDatabase(IServiceScopeFactory scopes, ILoggerFactory logs) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) =>
        options.XmlRepository = new DatabaseKeyRepository(scopes, logs.CreateLogger<DatabaseKeyRepository>());
}
