using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pmqa.Web.Features.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        // The dispatcher and the PDF printer count into it; registered here too for hosts without AddPmqaTelemetry
        // (the data generator), where nothing reads the figures.
        services.TryAddSingleton<Infrastructure.Observability.PmqaMetrics>();
        // Always registered; it stops at once when no Smtp:Host is configured.
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
