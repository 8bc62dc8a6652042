using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The real application on a real Kestrel port (loopback, chosen by the OS), with a fresh SQLite file and
/// key folder per test class. In-process through <see cref="WebApplicationFactory{TEntryPoint}"/>, so the
/// settings below reach Program before it reads its configuration and the server stops with the fixture.
/// It serves HTTPS with a throwaway self-signed certificate, as in production, so the Secure cookies,
/// antiforgery and HSTS behave as they will for real users.
/// </summary>
public class AppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@opdc.go.th";
    public const string AdminPassword = "browser-test-2569";

    private readonly string _folder = Directory.CreateTempSubdirectory("pmqa-browser-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server's clock: the system's plus an offset a test moves forward (e.g. to a site visit's time).</summary>
    public MovableClock Clock { get; } = new();

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "pmqa.db")}");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "keys"));
        builder.UseSetting("Frameworks:Directory", Path.Combine(Artifacts.RepositoryRoot, "frameworks"));
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", "1000");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public Task InitializeAsync()
    {
        var certificate = SelfSignedCertificate();
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
        return Task.CompletedTask;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
