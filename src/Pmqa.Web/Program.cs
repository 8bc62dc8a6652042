using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Infrastructure.Startup;
using Pmqa.Web.Features;
using Pmqa.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddPmqaDatabase();
builder.AddPmqaAuth();
builder.AddPmqaWeb();
builder.AddPmqaRateLimits();
builder.Services.AddPmqaFeatures();

var app = builder.Build();
if (await Commands.TryRunAsync(app, args)) return;
await app.PrepareAsync();
app.UsePmqaPipeline();
app.MapPmqaEndpoints();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
