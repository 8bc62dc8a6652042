using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>
/// Makes a race happen every time instead of now and then: just before the first save that <see cref="When"/>
/// picks, <see cref="Competitor"/> runs to the end (another person's request that passed the same checks a
/// moment later and saved first). Parallel requests show the same race only when the timing is unlucky.
/// </summary>
public sealed class SaveRace : SaveChangesInterceptor
{
    public Func<DbContext, bool>? When { get; set; }
    public Func<Task>? Competitor { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && When?.Invoke(context) == true && Competitor is { } competitor)
        {
            (When, Competitor) = (null, null); // once: the competitor's own save passes through
            await competitor();
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public interface IRaceApp
{
    SaveRace Race { get; }
}

public sealed class RaceSqliteApp : SqliteApp, IRaceApp
{
    public SaveRace Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<PmqaDbContext>(o => o.AddInterceptors(Race)));
    }
}

public sealed class RacePostgresApp : PostgresApp, IRaceApp
{
    public SaveRace Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<PmqaDbContext>(o => o.AddInterceptors(Race)));
    }
}
