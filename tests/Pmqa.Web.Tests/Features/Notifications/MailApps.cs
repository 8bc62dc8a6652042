using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Notifications;

/// <summary>The system clock plus an offset a test can move forward (to reach a retry time without waiting).</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>What an app with e-mail needs: the test SMTP server it sends to (not started) and a clock to move.</summary>
public sealed class MailSetup : IAsyncDisposable
{
    public SmtpTestServer Server { get; } = new();
    public TestClock Clock { get; } = new();

    public IDictionary<string, string?> With(IDictionary<string, string?> settings)
    {
        settings["Smtp:Host"] = "127.0.0.1";
        settings["Smtp:Port"] = Server.Port.ToString();
        settings["Smtp:From"] = "pmqa-test@opdc.go.th";
        settings["Smtp:PublicUrl"] = "https://pmqa.example.go.th";
        settings["Smtp:PollSeconds"] = "1";
        settings["Smtp:TimeoutSeconds"] = "10";
        return settings;
    }

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public interface IMailApp
{
    MailSetup Mail { get; }
}

public sealed class MailSqliteApp : SqliteApp, IMailApp
{
    public MailSetup Mail { get; } = new();
    protected override IDictionary<string, string?> Settings => Mail.With(base.Settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Mail.Configure(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class MailPostgresApp : PostgresApp, IMailApp
{
    public MailSetup Mail { get; } = new();
    protected override IDictionary<string, string?> Settings => Mail.With(base.Settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Mail.Configure(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
