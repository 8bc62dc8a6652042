using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pmqa.Data;
using Pmqa.Web.Tests.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

/// <summary>Makes a SaveChanges fail while <see cref="FailWhen"/> says so, as a crash or a database error would.</summary>
public sealed class FaultInjector : SaveChangesInterceptor
{
    public Func<DbContext, bool>? FailWhen { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && FailWhen?.Invoke(context) == true)
            throw new InvalidOperationException("Injected failure");
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>An app whose clock a test moves forward (e.g. to the time of a scheduled site visit) and whose
/// saves a test can make fail.</summary>
public interface IControlledApp
{
    TestClock Clock { get; }
    FaultInjector Faults { get; }
}

internal static class Controlled
{
    public static void Configure(IWebHostBuilder builder, IControlledApp app) =>
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(app.Clock));
            services.ConfigureDbContext<PmqaDbContext>(options => options.AddInterceptors(app.Faults));
        });
}

public sealed class ControlledSqliteApp : SqliteApp, IControlledApp
{
    public TestClock Clock { get; } = new();
    public FaultInjector Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Controlled.Configure(builder, this);
    }
}

public sealed class ControlledPostgresApp : PostgresApp, IControlledApp
{
    public TestClock Clock { get; } = new();
    public FaultInjector Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Controlled.Configure(builder, this);
    }
}
