using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Notifications;

/// <summary>
/// With Smtp:Host configured, every notification is also an e-mail in the outbox, which the background
/// sender delivers to a real (test) SMTP server, and keeps while the server is down.
/// </summary>
public abstract class OutboxTests(PmqaApp app, MailSetup mail)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_submission_notifies_each_executive_in_its_language_and_mails_it()
    {
        mail.Server.Start();
        var team = await app.AgencyAsync();
        var englishEmail = $"{Seed.Unique("exec-en")}@agency.go.th";
        var created = await team.Admin.PostAsJsonAsync("/api/v1/users",
            new { email = englishEmail, password = Seed.Password, displayName = "English-reading executive", language = "en" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await team.Admin.MemberAsync(team.Org, new Seed.Person(await Seed.IdOf(created), englishEmail), "executive");
        var thaiEmail = await app.WithDbAsync(db => db.Memberships
            .Where(m => m.OrganizationId == team.Org.Id && m.Role == Role.Executive && m.User!.Email != englishEmail)
            .Select(m => m.User!.Email!).SingleAsync());

        await team.CompleteAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null)).StatusCode);

        // In the application, each in its own language, with a link to the assessment.
        var thai = (await (await team.Executive.GetAsync("/api/v1/notifications?unread=true")).JsonAsync()).GetProperty("items");
        var one = Assert.Single(thai.EnumerateArray());
        Assert.Equal("การประเมินรอการอนุมัติจากท่าน", one.GetProperty("title").GetString());
        Assert.Contains(team.Org.NameTh, one.GetProperty("body").GetString());
        Assert.Equal($"/assessments/{team.AssessmentId}", one.GetProperty("link").GetString());
        var englishApi = await app.ApiAsync(englishEmail, Seed.Password);
        var english = (await (await englishApi.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items");
        Assert.Equal("An assessment awaits your approval", Assert.Single(english.EnumerateArray()).GetProperty("title").GetString());
        // The coordinator, who submitted, knows already.
        var coordinator = await (await team.Coordinator.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(0, coordinator.GetProperty("total").GetInt32());

        // In the outbox, one e-mail each, written with the change.
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == thaiEmail || m.To == englishEmail).ToListAsync());
        Assert.Equal(2, outbox.Count);

        // Delivered over SMTP, Thai intact.
        var thaiMail = await mail.Server.WaitForAsync(thaiEmail, Patience);
        Assert.Equal("[PMQA 4.0] การประเมินรอการอนุมัติจากท่าน", thaiMail.Subject);
        Assert.Contains(team.Org.NameTh, thaiMail.Body);
        Assert.Contains($"เปิดดูในระบบ: https://pmqa.example.go.th/assessments/{team.AssessmentId}", thaiMail.Body);
        Assert.Equal("pmqa-test@opdc.go.th", thaiMail.From);
        var englishMail = await mail.Server.WaitForAsync(englishEmail, Patience);
        Assert.Equal("[PMQA 4.0] An assessment awaits your approval", englishMail.Subject);
        Assert.Contains("Open it in the system:", englishMail.Body);

        var sent = await EventuallyAsync(() => app.WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking().Where(m => (m.To == thaiEmail || m.To == englishEmail) && m.SentAt != null).CountAsync()), n => n == 2);
        Assert.Equal(2, sent);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_message_waits_in_the_outbox_and_goes_once_it_is_back()
    {
        await mail.Server.StopAsync();
        var person = await (await app.AdminApiAsync()).PersonAsync();
        await NotifyAsync(person.Id, new NotificationText("ทดสอบอีเมลระหว่างเซิร์ฟเวอร์ล่ม", "Mail while the server is down",
            "ข้อความภาษาไทยต้องไม่หาย", "Nothing may be lost", "/notifications"));

        var failed = await EventuallyAsync(() => OutboxOfAsync(person.Email), m => m?.Attempts == 1);
        Assert.Null(failed!.SentAt);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.True(failed.NextAttemptAt >= failed.CreatedAt + TimeSpan.FromSeconds(30), $"next attempt {failed.NextAttemptAt:O}, created {failed.CreatedAt:O}");

        // Not due yet: it is not tried again, however often the sender looks.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, (await OutboxOfAsync(person.Email))!.Attempts);

        mail.Server.Start();
        mail.Clock.Advance(TimeSpan.FromSeconds(31));
        app.Services.GetRequiredService<OutboxSignal>().Wake();
        var received = await mail.Server.WaitForAsync(person.Email, Patience);
        Assert.Equal("[PMQA 4.0] ทดสอบอีเมลระหว่างเซิร์ฟเวอร์ล่ม", received.Subject);
        Assert.Contains("ข้อความภาษาไทยต้องไม่หาย", received.Body);
        var sent = await EventuallyAsync(() => OutboxOfAsync(person.Email), m => m?.SentAt is not null);
        Assert.Equal(1, sent!.Attempts);
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_message_once()
    {
        // Due only ten years from now: the application's own sender leaves them alone, these two see them due.
        var now = DateTimeOffset.UtcNow;
        var addresses = Enumerable.Range(0, 12).Select(i => $"{Seed.Unique("twice")}-{i}@agency.go.th").ToList();
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.AddRange(addresses.Select(to => new OutboxMessage
            {
                To = to, Subject = "ทดสอบ", Body = "ส่งครั้งเดียว", CreatedAt = now, NextAttemptAt = now.AddYears(10),
            }));
            return db.SaveChangesAsync();
        });
        var later = new TestClock();
        later.Advance(TimeSpan.FromDays(3660));
        var transport = new RecordingTransport(TimeSpan.FromMilliseconds(20));
        var senders = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services, transport, (TimeProvider)later)).ToList();

        await Task.WhenAll(senders.Select(s => Task.Run(() => s.SendDueAsync())));

        Assert.Equal(addresses.Order(), transport.Sent.Where(m => addresses.Contains(m.To)).Select(m => m.To).Order());
        Assert.Equal(12, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => addresses.Contains(m.To) && m.SentAt != null && m.Attempts == 0)));
    }

    [Fact]
    public async Task A_failure_is_recorded_shortened_and_a_message_is_given_up_after_the_last_attempt()
    {
        var now = DateTimeOffset.UtcNow;
        var to = $"{Seed.Unique("give-up")}@agency.go.th";
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { To = to, Subject = "ทดสอบ", Body = "ไม่มีวันถึง", CreatedAt = now, NextAttemptAt = now.AddYears(10), Attempts = 9 });
            return db.SaveChangesAsync();
        });
        var later = new TestClock();
        later.Advance(TimeSpan.FromDays(3660));
        var failing = new RecordingTransport(TimeSpan.Zero, fail: new string('ข', 5000));
        var sender = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services, failing, (TimeProvider)later);

        await sender.SendDueAsync();
        var message = (await OutboxOfAsync(to))!;
        Assert.Equal(10, message.Attempts);
        Assert.Null(message.SentAt);
        Assert.Equal(OutboxDispatcher.MaxErrorLength, message.LastError!.Length);
        Assert.True(message.NextAttemptAt > later.GetUtcNow());

        // The tenth attempt was the last (Smtp:MaxAttempts): however late it gets, it is not tried again.
        later.Advance(TimeSpan.FromDays(1));
        await sender.SendDueAsync();
        Assert.Equal(10, (await OutboxOfAsync(to))!.Attempts);
        Assert.Single(failing.Tried, m => m.To == to);
    }

    private async Task NotifyAsync(Guid userId, NotificationText text)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([userId], text);
        await scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>().SaveChangesAsync();
    }

    private Task<OutboxMessage?> OutboxOfAsync(string to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.To == to));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(100);
        }
    }

    /// <summary>Records what it is asked to send; optionally takes a while, or fails.</summary>
    private sealed class RecordingTransport(TimeSpan delay, string? fail = null) : IMailTransport
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<OutgoingMail> _tried = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<OutgoingMail> _sent = new();
        public IReadOnlyCollection<OutgoingMail> Tried => _tried;
        public IReadOnlyCollection<OutgoingMail> Sent => _sent;

        public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
        {
            _tried.Enqueue(mail);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, ct);
            if (fail is not null) throw new InvalidOperationException(fail);
            _sent.Enqueue(mail);
        }
    }
}

public sealed class OutboxTests_Sqlite(MailSqliteApp app) : OutboxTests(app, app.Mail), IClassFixture<MailSqliteApp>;
public sealed class OutboxTests_Postgres(MailPostgresApp app) : OutboxTests(app, app.Mail), IClassFixture<MailPostgresApp>;

public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(9, 3600)]
    [InlineData(40, 3600)]
    public void The_wait_doubles_from_30_seconds_up_to_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.Backoff(attempts));

    [Fact]
    public void The_error_names_the_inner_causes_and_is_cut_at_2000_characters()
    {
        var error = OutboxDispatcher.Describe(new MailKit.Net.Smtp.SmtpProtocolException("Failure sending mail.", new IOException("Connection refused")));
        Assert.Equal("SmtpProtocolException: Failure sending mail. ← IOException: Connection refused", error);
        Assert.Equal(2000, OutboxDispatcher.Describe(new Exception(new string('x', 3000))).Length);
    }
}
