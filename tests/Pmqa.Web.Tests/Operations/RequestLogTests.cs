using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Operations;

/// <summary>Keeps every log entry with the scopes around it, as the console prints them (IncludeScopes).</summary>
public sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    public ConcurrentQueue<(string Category, string Message, Dictionary<string, object?> Scope)> Entries { get; } = new();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(ScopedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            owner._scopes.ForEachScope((s, values) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) values[key] = value;
            }, scope);
            owner.Entries.Enqueue((category, formatter(state, exception), scope));
        }
    }
}

public sealed class LoggedSqliteApp : SqliteApp
{
    public ScopedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs)
            .AddFilter<ScopedLogs>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information));
    }
}

/// <summary>The log lines of one request can be found together: each carries the request's id and trace id.</summary>
public sealed class RequestLogTests(LoggedSqliteApp app) : IClassFixture<LoggedSqliteApp>
{
    [Fact]
    public async Task A_log_line_written_during_a_request_carries_its_request_id_and_trace_id()
    {
        await app.Anonymous().GetAsync("/account/login?marker=log-scope");
        var entries = app.Logs.Entries.Where(e => e.Message.Contains("log-scope", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Scope.GetValueOrDefault("RequestId")?.ToString()));
            Assert.Matches("^[0-9a-f]{32}$", e.Scope.GetValueOrDefault("TraceId")?.ToString() ?? "");
        });
    }
}
