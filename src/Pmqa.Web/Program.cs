using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Infrastructure.Startup;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Features;
using Pmqa.Web.Infrastructure.Web;
using Pmqa.Web.Infrastructure.Observability;

StartupTimeline.Mark("main");
var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot and the npm copies from the build output too, not only in Development or after publish.
builder.WebHost.UseStaticWebAssets();
// Quiet defaults in code, so they hold whatever the working directory (and so the content root) is.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.AddPmqaDatabase();
builder.AddPmqaAuth();
builder.AddPmqaWeb();
builder.AddPmqaRateLimits();
builder.AddPmqaStorage();
builder.AddPmqaTelemetry();
builder.AddPmqaSecretRedaction();
builder.Services.AddPmqaFeatures();

var app = builder.Build();
StartupTimeline.Mark("host built");
if (await Commands.TryRunAsync(app, args)) return;
await app.PrepareAsync();
StartupTimeline.Mark("prepared");
app.UseStartupTimeline();
app.UsePmqaPipeline();
app.MapPmqaEndpoints();
app.MapPmqaMetrics();
StartupTimeline.Mark("mapped");
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
