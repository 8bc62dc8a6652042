using System.Net.Http.Json;
using System.Text.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Audit;

public abstract class AuditTrailTests(PmqaApp app)
{
    [Fact]
    public async Task An_edit_records_who_when_which_entity_and_each_field_old_to_new()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await admin.PutAsJsonAsync($"/api/v1/organizations/{org.Id}", new { version = 0, nameTh = "ชื่อที่แก้แล้ว", nameEn = "Edited" });

        var page = await (await admin.GetAsync($"/api/v1/audit?entityType=Organization&entityKey={org.Id}")).JsonAsync();
        var entries = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["updated", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        var update = entries[0];
        Assert.Equal(PmqaApp.AdminEmail, update.GetProperty("userName").GetString());
        Assert.True(update.GetProperty("at").GetDateTimeOffset() >= before);
        var nameTh = update.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "NameTh");
        Assert.Equal((org.NameTh, "ชื่อที่แก้แล้ว"), (nameTh.GetProperty("old").GetString(), nameTh.GetProperty("new").GetString()));
        Assert.DoesNotContain(update.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Code");
    }

    [Fact]
    public async Task Secrets_are_recorded_as_changed_but_never_with_their_values()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync();
        var page = await (await admin.GetAsync($"/api/v1/audit?entityType=AppUser&entityKey={person.Id}")).JsonAsync();
        var created = page.GetProperty("items").EnumerateArray().Last();
        var hash = created.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "PasswordHash");
        Assert.Equal("***", hash.GetProperty("new").GetString());
        Assert.DoesNotContain(Seed.Password, page.GetRawText());
    }

    [Fact]
    public async Task The_trail_filters_by_person_and_bangkok_dates()
    {
        var admin = await app.AdminApiAsync();
        await admin.OrganizationAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Domain.Time.ThaiTime.Bangkok).DateTime);
        var mine = await (await admin.GetAsync($"/api/v1/audit?user=admin@&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).JsonAsync();
        Assert.NotEqual(0, mine.GetProperty("total").GetInt32());
        var tomorrow = await (await admin.GetAsync($"/api/v1/audit?from={today.AddDays(1):yyyy-MM-dd}")).JsonAsync();
        Assert.Equal(0, tomorrow.GetProperty("total").GetInt32());
        var nobody = await (await admin.GetAsync("/api/v1/audit?user=nobody-at-all")).JsonAsync();
        Assert.Equal(JsonValueKind.Array, nobody.GetProperty("items").ValueKind);
        Assert.Equal(0, nobody.GetProperty("total").GetInt32());
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;
public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
