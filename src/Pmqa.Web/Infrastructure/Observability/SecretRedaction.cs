using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pmqa.Web.Infrastructure.Observability;

/// <summary>
/// Secrets never logged (issue 13). A set-password link carries its one-time token in the query string, and
/// ASP.NET Core's "Request starting/finished" lines (Microsoft.AspNetCore.Hosting.Diagnostics, Information) print
/// the whole query string. Program.cs keeps Microsoft.AspNetCore at Warning, but an operator's provider setting
/// (<c>Logging:Console:LogLevel:Microsoft.AspNetCore=Information</c>) turns them on. Those lines cannot be changed
/// where they are written (before the first middleware), so the logger factory wraps that category and replaces
/// the value of any query parameter whose name ends in token, password or secret with "***", in the
/// message and in its structured values, for every provider (console, JSON, OpenTelemetry, a test's).
/// </summary>
public static partial class SecretRedaction
{
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static WebApplicationBuilder AddPmqaSecretRedaction(this WebApplicationBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new RedactingLoggerFactory(new LoggerFactory(
            services.GetServices<ILoggerProvider>(), services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(), services.GetService<IExternalScopeProvider>()))));
        return builder;
    }

    /// <summary>"?user=1&amp;token=abc" → "?user=1&amp;token=***".</summary>
    public static string Redact(string text) => SecretParameter().Replace(text, "${name}=***");

    [GeneratedRegex(@"(?<name>[?&][^=&\s]*(?:token|password|secret))=[^&\s#]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName)
        {
            var logger = inner.CreateLogger(categoryName);
            return categoryName == HostingCategory ? new RedactingLogger(logger) : logger;
        }

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);
        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            var redacted = Redact(message);
            if (redacted == message)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            // The same structured values, strings redacted, so a JSON or OpenTelemetry exporter shows no secret either.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is string s && p.Key != "{OriginalFormat}" ? Redact(s) : p.Value)).ToList()
                : [];
            inner.Log(logLevel, eventId, new RedactedState(values, redacted), exception, (s, _) => s.Message);
        }
    }

    private sealed class RedactedState(List<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;
        public KeyValuePair<string, object?> this[int index] => values[index];
        public int Count => values.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => message;
    }
}
