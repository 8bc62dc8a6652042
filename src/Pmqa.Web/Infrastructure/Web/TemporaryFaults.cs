using Pmqa.Web.Infrastructure.Storage;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>A failure that is not the request's fault and goes away by itself or by an operator's hand: the answer
/// is 503 with Retry-After, a "try again" problem document (API) or page (browser), and nothing was saved.</summary>
public sealed record TemporaryFault(Msg Title, Msg Message, int RetryAfterSeconds, LogLevel Level, string LogText)
{
    public static TemporaryFault? Of(Exception? exception) =>
        DatabaseBusy.Is(exception)
            ? new(DatabaseBusy.Title, DatabaseBusy.Message, DatabaseBusy.RetryAfterSeconds, LogLevel.Warning, "Database busy; answered 503")
        : DatabaseUnavailable.Is(exception)
            ? new(DatabaseUnavailable.Title, DatabaseUnavailable.Message, DatabaseUnavailable.RetryAfterSeconds, LogLevel.Warning,
                "Database unreachable; answered 503")
        : BlobStoreUnavailableException.Is(exception)
            // An operator must act (free space, fix permissions): logged as an error so that it alerts.
            ? new(BlobStoreUnavailableException.Title, BlobStoreUnavailableException.Explanation, BlobStoreUnavailableException.RetryAfterSeconds,
                LogLevel.Error, "Evidence store refused a file; answered 503")
        : Features.Certificates.PrinterBusyException.Is(exception)
            ? new(Features.Certificates.PrinterBusyException.Title, Features.Certificates.PrinterBusyException.Explanation,
                Features.Certificates.PrinterBusyException.RetryAfterSeconds, LogLevel.Warning, "Every PDF print slot busy; answered 503")
        : null;
}
