using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// Nothing a person types is lost: the profile keeps every section (autosave, one save for all, a warning before
/// leaving); a refused issue save keeps the ticks and the text and says which field is wrong, and the message goes
/// once the field is fixed; a refused upload stays on the issue page with the message at the upload field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LostWorkTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Profile_keeps_every_section_typed_before_pressing_one_save()
    {
        var (assessment, coordinator, _) = await new AgencySetup(app).CreateAsync("LW-P1");
        var path = $"/assessments/{assessment}/profile";
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(s, coordinator);
        await s.GotoAsync(path);

        // Typed into P1, then P2, and the save pressed at once (no time for the autosave): both are kept.
        await s.Page.Locator("#text-P1").FillAsync("กรมมีพันธกิจตามพระราชบัญญัติจัดตั้ง");
        await s.Page.Locator("#text-P2").FillAsync("วิสัยทัศน์: บริการประชาชนด้วยข้อมูลที่ถูกต้อง");
        await s.Page.Locator("button", new() { HasTextString = "บันทึกทุกหัวข้อที่แก้ไข" }).ClickAsync();
        await Expect(s.Page.Locator(".alert-success")).ToContainTextAsync("บันทึกแล้ว");
        await Expect(s.Page.Locator("#text-P1")).ToHaveValueAsync("กรมมีพันธกิจตามพระราชบัญญัติจัดตั้ง");
        await Expect(s.Page.Locator("#text-P2")).ToHaveValueAsync("วิสัยทัศน์: บริการประชาชนด้วยข้อมูลที่ถูกต้อง");
        // Names, not e-mail addresses (the address is on hover).
        await Expect(s.Page.Locator("#section-P1")).ToContainTextAsync("บันทึกล่าสุดโดย นางสาวประสาน งานดี");

        // Typing alone saves: the autosave reports it, and a fresh load shows it. A counter shows the limit.
        await s.Page.Locator("#text-P3").FillAsync("บุคลากร 1,200 คน");
        await Expect(s.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });
        await Expect(s.Page.Locator("#section-P3 .char-counter")).ToContainTextAsync("20,000");
        await s.ScreenshotAsync("lost-work-01-profile-autosaved");
        await s.GotoAsync(path);
        await Expect(s.Page.Locator("#text-P3")).ToHaveValueAsync("บุคลากร 1,200 คน");

        // Leaving with unsaved text asks first.
        string? dialog = null;
        s.Page.Dialog += (_, d) => { dialog = d.Type; _ = d.AcceptAsync(); };
        await s.Page.Locator("#text-P4").PressSequentiallyAsync("ยังไม่บันทึก");
        await s.Page.CloseAsync(new() { RunBeforeUnload = true });
        await WaitUntilAsync(() => dialog is not null);
        Assert.Equal("beforeunload", dialog);
        s.AssertNoProblems();
    }

    [Fact]
    public async Task Profile_collision_on_one_section_keeps_the_text_and_the_others_save()
    {
        var (assessment, coordinator, _) = await new AgencySetup(app).CreateAsync("LW-P2");
        var path = $"/assessments/{assessment}/profile";
        await using var mine = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(mine, coordinator);
        await mine.GotoAsync(path);
        await using var other = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(other, coordinator);
        await other.GotoAsync(path);
        await other.Page.Locator("#text-P1").FillAsync("ฉบับของเพื่อนร่วมงาน");
        await Expect(other.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });

        await mine.Page.Locator("#text-P1").FillAsync("ฉบับของฉัน");
        await Expect(mine.Page.Locator("#section-P1 [data-role=theirs]")).ToContainTextAsync("ฉบับของเพื่อนร่วมงาน", new() { Timeout = 10_000 });
        await Expect(mine.Page.Locator("#text-P1")).ToHaveValueAsync("ฉบับของฉัน");
        await Expect(mine.Page.Locator("#text-P1-error")).Not.ToBeEmptyAsync();
        await mine.ScreenshotAsync("lost-work-02-profile-collision");
        // Typing on merges knowingly over the version shown; the messages go with their cause.
        await mine.Page.Locator("#text-P1").FillAsync("ฉบับของฉัน รวมกับฉบับของเพื่อนร่วมงาน");
        await Expect(mine.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });
        await Expect(mine.Page.Locator("#section-P1 [data-role=theirs]")).ToBeHiddenAsync();
        await Expect(mine.Page.Locator("#text-P1-error")).ToBeEmptyAsync();
        await Expect(mine.Page.Locator("#text-P1")).Not.ToHaveClassAsync(new Regex("is-invalid"));
        await other.GotoAsync(path);
        await Expect(other.Page.Locator("#text-P1")).ToHaveValueAsync("ฉบับของฉัน รวมกับฉบับของเพื่อนร่วมงาน");
        mine.AssertNoProblems();
    }

    [Fact]
    public async Task A_refused_issue_save_keeps_the_ticks_and_says_which_field_and_the_message_goes_when_fixed()
    {
        var (assessment, coordinator, _) = await new AgencySetup(app).CreateAsync("LW-I1");
        var path = $"/assessments/{assessment}/issues/1.1";
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(s, coordinator);
        await s.GotoAsync(path);

        // A browser that ignored maxlength (or a paste by script) sends 20,001 characters with two new ticks.
        await s.Page.EvaluateAsync("""
            () => {
              document.getElementById('chk-1-1-B1').checked = true;
              document.getElementById('chk-1-1-B2').checked = true;
              const t = document.getElementById('exp-Basic');
              t.removeAttribute('maxlength');
              t.value = 'ก'.repeat(20001);
              t.dispatchEvent(new Event('input', { bubbles: true }));
            }
            """);
        await Expect(s.Page.Locator("#exp-Basic-error")).ToContainTextAsync("20,000", new() { Timeout = 10_000 });
        await Expect(s.Page.Locator("#exp-Basic")).ToHaveClassAsync(new Regex("is-invalid"));
        await Expect(s.Page.Locator("#autosave-status")).ToContainTextAsync("ยังไม่ได้บันทึก");
        await Expect(s.Page.Locator("#chk-1-1-B1")).ToBeCheckedAsync();
        await Expect(s.Page.Locator("#chk-1-1-B2")).ToBeCheckedAsync();
        Assert.Equal(20_001, await s.Page.Locator("#exp-Basic").EvaluateAsync<int>("t => t.value.length"));
        await s.ScreenshotAsync("lost-work-03-issue-refused");

        // Pressing save (the form post) keeps everything on screen too.
        await s.Page.Locator("button.btn-primary", new() { HasTextString = "บันทึก" }).ClickAsync();
        await Expect(s.Page.Locator("#exp-Basic-error")).ToContainTextAsync("20,000");
        await Expect(s.Page.Locator("#chk-1-1-B1")).ToBeCheckedAsync();
        await Expect(s.Page.Locator("#chk-1-1-B2")).ToBeCheckedAsync();
        Assert.Equal(20_001, await s.Page.Locator("#exp-Basic").EvaluateAsync<int>("t => t.value.length"));

        // Fixed: the autosave stores ticks and text and the message goes.
        await s.Page.Locator("#exp-Basic").EvaluateAsync("t => t.removeAttribute('maxlength')");
        await s.Page.Locator("#exp-Basic").FillAsync("ผู้บริหารทบทวนวิสัยทัศน์ทุกปี");
        await Expect(s.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });
        await Expect(s.Page.Locator("#exp-Basic-error")).ToBeEmptyAsync();
        await Expect(s.Page.Locator("#exp-Basic")).Not.ToHaveClassAsync(new Regex("is-invalid"));
        await s.GotoAsync(path);
        await Expect(s.Page.Locator("#chk-1-1-B1")).ToBeCheckedAsync();
        await Expect(s.Page.Locator("#chk-1-1-B2")).ToBeCheckedAsync();
        await Expect(s.Page.Locator("#exp-Basic")).ToHaveValueAsync("ผู้บริหารทบทวนวิสัยทัศน์ทุกปี");
        await Expect(s.Page.Locator("main")).ToContainTextAsync("บันทึกล่าสุดโดย นางสาวประสาน งานดี");
    }

    [Fact]
    public async Task A_merged_conflict_loses_its_banner_and_names_levels_in_Thai()
    {
        var setup = new AgencySetup(app);
        var (assessment, coordinator, _) = await setup.CreateAsync("LW-C1");
        var path = $"/assessments/{assessment}/issues/1.1";
        await using var stale = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(stale, coordinator);
        await stale.GotoAsync(path);
        await setup.AnswerEverythingAsync(assessment, coordinator); // someone else saves 1.1 meanwhile

        await stale.Page.Locator("#exp-Advance").FillAsync("ขยายผลไปทุกหน่วยงานย่อย");
        await Expect(stale.Page.Locator("#conflict")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(stale.Page.Locator("#theirs")).ToContainTextAsync("ระดับพื้นฐาน");
        await Expect(stale.Page.Locator("#theirs")).Not.ToContainTextAsync("Basic:");
        await Expect(stale.Page.Locator("#conflict")).ToContainTextAsync("นางสาวประสาน งานดี");
        await stale.Page.Locator("#exp-Advance").FillAsync("ขยายผลไปทุกหน่วยงานย่อยแล้ว");
        await Expect(stale.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });
        await Expect(stale.Page.Locator("#conflict")).ToHaveCountAsync(0);
        // (The refused autosave's 409 is the designed answer, so the session's problem list is not checked here.)
    }

    [Fact]
    public async Task A_refused_upload_stays_on_the_issue_page_with_the_message_at_the_field()
    {
        var (assessment, coordinator, _) = await new AgencySetup(app).CreateAsync("LW-U1");
        var path = $"/assessments/{assessment}/issues/1.1";
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(s, coordinator);
        await s.GotoAsync(path);
        await s.Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        });
        await s.Page.Locator("button", new() { HasTextString = "อัปโหลด" }).ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/issues/1.1"));
        Assert.EndsWith("/issues/1.1#evidence-upload", s.Page.Url);
        await Expect(s.Page.Locator("#evidence-1-1-file")).ToHaveClassAsync(new Regex("is-invalid"));
        await Expect(s.Page.Locator("#evidence-1-1-file-error")).Not.ToBeEmptyAsync();
        await s.ScreenshotAsync("lost-work-04-upload-refused");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "refused upload on the issue page", output);
        // The message outlives nothing: a fresh load of the page no longer shows it.
        await s.GotoAsync(path);
        await Expect(s.Page.Locator("#evidence-1-1-file-error")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task Thai_digits_in_an_indicator_are_read_as_numbers()
    {
        var (assessment, coordinator, _) = await new AgencySetup(app).CreateAsync("LW-D1");
        var path = $"/assessments/{assessment}/issues/7.1";
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(s, coordinator);
        await s.GotoAsync(path);
        await s.Page.Locator("#ind-0-Name").FillAsync("ร้อยละความพึงพอใจ");
        await s.Page.Locator("#ind-0-Unit").FillAsync("ร้อยละ");
        // Typed key by key, as a Thai keyboard sends them: converted as typed.
        await s.Page.Locator("#ind-0-Target").PressSequentiallyAsync("๘๐");
        await Expect(s.Page.Locator("#ind-0-Target")).ToHaveValueAsync("80");
        foreach (var (field, value) in new[] { ("R2", "๗๐"), ("R1", "๗๕"), ("R0", "๘๒.๕") }) await s.Page.Locator($"#ind-0-{field}").PressSequentiallyAsync(value);
        await Expect(s.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });
        await s.GotoAsync(path);
        await Expect(s.Page.Locator("#ind-0-R0")).ToHaveValueAsync("82.5");
        s.AssertNoProblems();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++) await Task.Delay(100);
    }

    private static async Task SignInAsync(BrowserSession s, string email)
    {
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
    }
}
