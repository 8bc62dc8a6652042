using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Frameworks;

namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>What happens once at start-up: migrations (unless turned off), the OPDC organisation, the
/// shipped framework packs, and the first administrator (from configuration, or a printed setup link).</summary>
public static class StartupTasks
{
    public const string OpdcCode = "OPDC";

    public static async Task PrepareAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PmqaDbContext>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await Data.DatabaseMigrator.MigrateAsync(db, log);
        await Data.SqliteJournal.ApplyAsync(db, app.Configuration, log);
        StartupTimeline.Mark("migrations");
        var imported = Auth.DatabaseKeyRepository.ImportFolder(db, app.Configuration["DataProtection:KeysPath"] ?? "data/keys");
        if (imported > 0) log.LogInformation("Copied {Count} data-protection keys from the keys folder into the database", imported);
        StartupTimeline.Mark("keys");
        await EnsureOpdcAsync(db);
        StartupTimeline.Mark("opdc");
        await LoadShippedPacksAsync(db, services.GetRequiredService<TimeProvider>(), log, app.Configuration);
        StartupTimeline.Mark("packs");
        await BootstrapAdministratorAsync(app, services, log);
        StartupTimeline.Mark("administrator");
        WarnWithoutPublicUrl(app.Configuration, log);
    }

    /// <summary>Without <c>App:PublicUrl</c> each instance's links start with its own listening address: e-mails and QR
    /// codes point at a loopback port, and two instances behind nginx each find the other's stored open-data files
    /// made for another address and write them again on every read (ADR 0037).</summary>
    private static void WarnWithoutPublicUrl(IConfiguration configuration, ILogger log)
    {
        if (configuration["App:PublicUrl"] is { Length: > 0 } || configuration["Smtp:PublicUrl"] is { Length: > 0 }) return;
        if (!string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)) return;
        log.LogWarning("App:PublicUrl is not set: links in e-mails, certificates and open-data files use this instance's own address. Set it to the address people open the application at (README, operations).");
    }

    private static async Task EnsureOpdcAsync(PmqaDbContext db)
    {
        if (await db.Organizations.AnyAsync(o => o.Type == OrganizationType.Opdc)) return;
        db.Organizations.Add(new Organization
        {
            Code = OpdcCode,
            NameTh = "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)",
            NameEn = "Office of the Public Sector Development Commission (OPDC)",
            Type = OrganizationType.Opdc,
        });
        await db.SaveChangesAsync();
    }

    public static string FrameworksDirectory(IConfiguration config) =>
        config["Frameworks:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "frameworks");

    private static async Task LoadShippedPacksAsync(PmqaDbContext db, TimeProvider clock, ILogger log, IConfiguration config)
    {
        var folder = FrameworksDirectory(config);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order())
        {
            var pack = FrameworkPackReader.Read(await File.ReadAllTextAsync(file));
            var existing = await db.FrameworkVersions.SingleOrDefaultAsync(f => f.Code == pack.Code && f.Version == pack.Version);
            if (existing is null)
                db.FrameworkVersions.Add(FrameworkCatalog.NewVersion(pack, clock.GetUtcNow()));
            else if (existing.LockedAt is null)
                FrameworkCatalog.SetContent(existing, pack);
            else if (existing.Sha256 != FrameworkPackJson.Sha256(FrameworkPackJson.Serialize(pack)))
                log.LogWarning("{File} differs from {Code} {Version}, which a round uses; the stored version is kept.", file, pack.Code, pack.Version);
        }
        await db.SaveChangesAsync();
    }

    private static async Task BootstrapAdministratorAsync(WebApplication app, IServiceProvider services, ILogger log)
    {
        var db = services.GetRequiredService<PmqaDbContext>();
        if (await db.Memberships.AnyAsync(m => m.Role == Role.SystemAdmin)) return;
        var email = app.Configuration["Bootstrap:AdminEmail"];
        var password = app.Configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            var result = await CreateAdministratorAsync(services, email, "ผู้ดูแลระบบ", password);
            if (!result.Succeeded)
                throw new InvalidOperationException("Bootstrap administrator could not be created: " +
                    string.Join("; ", result.Errors.Select(e => e.Description)));
            log.LogInformation("Created the system administrator {Email} from configuration.", email);
            return;
        }
        var token = services.GetRequiredService<SetupLink>().Issue();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            log.LogWarning("No administrator exists yet. Open this one-time link to create one: {Url}", $"{address}/account/setup?token={token}");
        });
    }

    /// <summary>Creates a user holding the system administrator role in OPDC.</summary>
    public static async Task<IdentityResult> CreateAdministratorAsync(IServiceProvider services, string email, string displayName, string password)
    {
        var db = services.GetRequiredService<PmqaDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var user = new AppUser { Email = email, UserName = email, DisplayName = displayName, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        var opdc = await db.Organizations.FirstAsync(o => o.Type == OrganizationType.Opdc);
        db.Memberships.Add(new Membership { UserId = user.Id, OrganizationId = opdc.Id, Role = Role.SystemAdmin, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return result;
    }
}
