using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>axe-core on every screen of the journey, each brought to the state a person sees: no serious
/// or critical violation is allowed. One case per screen, so a failure names the screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    public static TheoryData<string> Screens =>
    [
        "login", "home", "organisation-form-with-errors", "organisation", "framework",
        "issue-1.1-th", "issue-1.1-en", "issue-1.1-phone", "notifications-phone",
        "forgot-password", "forgot-password-phone",
        "open-data-phone", "calendar-phone", "calendar-en", "calendar-month", "calendar-month-phone",
        "gaps", "path", "plan", "comparison", "comparison-phone",
        "practices-library", "practices-library-phone", "practices-queue",
        "digital", "digital-phone", "digital-progress", "digital-progress-phone", "digital-progress-en",
        "digital-periods", "digital-periods-phone",
    ];

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Screen_has_no_serious_or_critical_axe_violation(string screen)
    {
        var phone = screen.EndsWith("-phone");
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th", phone ? 390 : screen == "calendar-month" ? 1366 : 1280, phone ? 844 : 900);
        await OpenAsync(s, app, screen);
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, screen, output);
        s.AssertNoProblems();
    }

    [Fact]
    public async Task The_check_fails_on_a_critical_violation()
    {
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await s.GotoAsync("/account/login");
        await s.Page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('button'))");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "login with a nameless button", output));
        Assert.Contains("button-name (critical)", failure.Message);
    }

    private static async Task OpenAsync(BrowserSession s, AppServer app, string screen)
    {
        if (screen == "login")
        {
            await s.GotoAsync("/account/login");
            return;
        }
        if (screen.StartsWith("forgot-password"))
        {
            await s.GotoAsync("/account/forgot-password");
            if (screen.EndsWith("-phone"))
            {
                // The answer (the same for any address; without e-mail configured nothing is sent).
                await s.Page.Locator("#Input_Email").FillAsync("someone@agency.go.th");
                await s.SaveAsync();
                await Expect(s.Page.Locator("#reset-requested")).ToBeVisibleAsync();
            }
            return;
        }
        if (screen.StartsWith("open-data") || screen.StartsWith("calendar"))
        {
            // Public pages (issue 11): seen without signing in.
            await s.GotoAsync(screen.StartsWith("open-data") ? "/open-data" : screen.StartsWith("calendar-month") ? "/calendar?view=month" : "/calendar?past=true");
            if (screen.EndsWith("-en")) await s.SwitchLanguageAsync("English", "en");
            return;
        }
        await s.SignInAsAdministratorAsync();
        switch (screen)
        {
            case "home":
                break;
            case "organisation-form-with-errors":
                await s.GotoAsync("/admin/organizations/create");
                await s.FillOrganizationAsync("bad code!", " ", " ");
                await s.SaveAsync();
                await Expect(s.Page.Locator("#Input_Code-error")).Not.ToBeEmptyAsync();
                await Expect(s.Page.Locator("#Input_NameTh-error")).Not.ToBeEmptyAsync();
                break;
            case "organisation":
                var code = "A11Y-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
                await s.CreateOrganizationAsync(code, "กรมทดสอบการเข้าถึง", "Department of Accessibility Testing");
                break;
            case "framework":
                await s.GotoAsync("/frameworks/pmqa-4.0");
                break;
            case "issue-1.1-th" or "issue-1.1-phone":
                await s.GotoAsync("/frameworks/pmqa-4.0/issues/1.1");
                await Expect(s.Page.Locator("html")).ToHaveAttributeAsync("lang", "th");
                break;
            case "issue-1.1-en":
                await s.GotoAsync("/frameworks/pmqa-4.0/issues/1.1");
                await s.SwitchLanguageAsync("English", "en");
                break;
            case "practices-library" or "practices-library-phone":
                await s.GotoAsync("/practices?q=" + Uri.EscapeDataString("วิสัยทัศน์"));
                await Expect(s.Page.Locator("#practice-count")).ToBeVisibleAsync();
                break;
            case "digital" or "digital-phone":
                // An organisation's digital register (ADR 0025), seen by the administrator (OPDC side: may edit, so every form shows).
                var digital = await s.CreateOrganizationAsync("DGS-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "กรมทดสอบบริการดิจิทัล", "Department of Digital Services Testing");
                await s.GotoAsync(digital + "/digital");
                await Expect(s.Page.Locator("#service-form")).ToBeVisibleAsync();
                break;
            case "digital-progress" or "digital-progress-phone" or "digital-progress-en":
                // OPDC's national view of the registers, with an at-risk row.
                await DigitalProgressSetup.CreateAsync(app, "A11");
                await s.GotoAsync("/digital-progress");
                if (screen.EndsWith("-en"))
                {
                    await s.SwitchLanguageAsync("English", "en");
                    await Expect(s.Page.Locator("main h1")).ToHaveTextAsync("Progress to fully digital services by 2570");
                    await s.ScreenshotAsync("digital-progress-03-en");
                }
                await Expect(s.Page.Locator("#progress-table")).ToBeVisibleAsync();
                break;
            case "digital-periods" or "digital-periods-phone":
                // OPDC's follow-up periods (ADR 0027), with one in the list and the form.
                await DigitalUpdateJourneyTests.PeriodAsync(app, "รอบที่ 1 ปีงบประมาณ พ.ศ. 2570");
                await s.GotoAsync("/digital-progress/periods");
                await Expect(s.Page.Locator("#periods-table")).ToBeVisibleAsync();
                await Expect(s.Page.Locator("#period-form")).ToBeVisibleAsync();
                await s.ScreenshotAsync(screen);
                break;
            case "practices-queue":
                await s.GotoAsync("/practices/pending");
                break;
            case "notifications-phone":
                await NotifyAdministratorAsync(app);
                await s.GotoAsync("/notifications");
                await Expect(s.Page.Locator("main .notification-unread").First).ToBeVisibleAsync();
                await s.ScreenshotAsync("notifications-phone");
                break;
            case "gaps" or "path" or "plan" or "comparison" or "comparison-phone":
                // The improvement loop (issue 9): a submitted assessment, its approved plan and next year's assessment.
                var loop = await ImprovementSetup.OnceAsync(app);
                await s.GotoAsync(screen switch
                {
                    "gaps" => $"/assessments/{loop.Assessment}/gaps",
                    "path" => $"/assessments/{loop.Assessment}/path",
                    "plan" => $"/plans/{loop.Plan}",
                    _ => $"/assessments/{loop.NextAssessment}/comparison",
                });
                await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(screen), screen, null);
        }
    }

    /// <summary>Two notifications for the administrator, written by the application's Notifier, one of them read.</summary>
    private static async Task NotifyAdministratorAsync(AppServer app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        var admin = await db.Users.Where(u => u.Email == AppServer.AdminEmail).Select(u => u.Id).SingleAsync();
        var notifier = scope.ServiceProvider.GetRequiredService<Pmqa.Web.Features.Notifications.Notifier>();
        await notifier.NotifyAsync([admin], new("การประเมินรอการอนุมัติจากท่าน", "An assessment awaits your approval",
            "กรมทดสอบการแจ้งเตือนที่มีชื่อยาวมากเพื่อดูการตัดบรรทัดบนหน้าจอโทรศัพท์ ปีงบประมาณ 2570", "A department, fiscal year 2570", "/frameworks"));
        await notifier.NotifyAsync([admin], new("ผู้บริหารส่งการประเมินกลับมาแก้ไข", "The executive sent the assessment back",
            "กรมทดสอบ ปีงบประมาณ 2570 — กรุณาเพิ่มหลักฐานหมวด 1", "A department, fiscal year 2570", "/frameworks"));
        await db.SaveChangesAsync();
        var first = await db.Notifications.Where(n => n.UserId == admin).OrderBy(n => n.CreatedAt).FirstAsync();
        first.ReadAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }
}
