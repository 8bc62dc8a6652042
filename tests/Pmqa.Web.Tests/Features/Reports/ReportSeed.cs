using System.Diagnostics;
using System.Net;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reports;

/// <summary>Assessments in the states the report shows, made through the API, and the tools to look at its files.</summary>
public static class ReportSeed
{
    /// <summary>A submitted assessment reviewed by two reviewers (the lead ticks three levels, the other one) and
    /// confirmed with a consensus at Advance, each issue with strengths and opportunities.</summary>
    public static async Task<ReviewSetup> VerifiedAsync(this PmqaApp app)
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        await s.ReviewAllAsync(s.LeadApi, levels: 3, strengths: "ผู้บริหารมุ่งมั่น");
        await s.ReviewAllAsync(s.SecondApi, levels: 1, strengths: "มีระบบติดตามผล");
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.SecondApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        foreach (var (code, kind, items) in await s.LeadApi.IssuesAsync())
        {
            object body = kind == "process"
                ? new { @checked = items.Take(code == "1.1" ? 1 : 2).SelectMany(x => x).ToArray(), rationale = "ตกลงร่วมกัน", strengths = $"จุดแข็งประเด็น {code}", opportunities = $"ควรขยายผลประเด็น {code}" }
                : new { judgements = Array.Empty<object>(), rationale = "ยอมรับตามรายงาน", strengths = "แนวโน้มดีขึ้น", opportunities = "" };
            Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsync(s.Url($"consensus/issues/{code}"), body)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("confirm"), null)).StatusCode);
        return s;
    }

    /// <summary>Runs a program (pdftoppm, soffice) and fails the test with its output when it fails.</summary>
    public static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }

    /// <summary>Page <paramref name="page"/> of a PDF as a PNG under artifacts/screenshots/ (kept for people to look at).</summary>
    public static async Task<string> RenderPageAsync(byte[] pdf, int page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "screenshots")).FullName;
        var file = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var png = Path.Combine(folder, name);
            await RunAsync("pdftoppm", "-png", "-r", "70", "-f", $"{page}", "-l", $"{page}", "-singlefile", file, png);
            return png + ".png";
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pmqa.slnx"))) return dir.FullName;
        throw new InvalidOperationException("No Pmqa.slnx above the test binaries.");
    }
}
