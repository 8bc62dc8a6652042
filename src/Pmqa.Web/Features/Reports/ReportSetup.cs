namespace Pmqa.Web.Features.Reports;

/// <summary>The agency report and the Word self-assessment report (issue 10).</summary>
public static class ReportSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<ReportQueries>().AddScoped<ReportPdf>().AddScoped<SelfAssessmentQueries>().AddScoped<ReportFiles>()
        .AddScoped<RoundPrints.RoundReportPrints>().AddSingleton<RoundPrints.RoundReportPrintSignal>().AddHostedService<RoundPrints.RoundReportPrinter>();
}
