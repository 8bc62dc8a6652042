using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Assessments;

public abstract class CopyForwardTests(PmqaApp app)
{
    [Fact]
    public async Task This_year_starts_from_last_year_with_indicators_shifted_one_year()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var lastRound = await admin.OpenRoundAsync(fiscalYear: 2569);
        var last = await AssessmentOf(admin, org, lastRound);
        await Save(coordinator, last, "1.1", new { @checked = new[] { "1.1.B1", "1.1.B2" }, explanations = new { Basic = "ปีที่แล้ว" } });
        await Save(coordinator, last, "7.1", new
        {
            indicators = new[] { new { code = "7.1.K1", name = "ร้อยละความสำเร็จ", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 60, r1 = 70, r0 = 75 } },
        });

        var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
            { Headers = { ContentType = new("application/pdf") } }, "file", "แผนยุทธศาสตร์.pdf");
        upload.Add(new StringContent("1.1"), "issueCodes");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync($"/api/v1/assessments/{last}/evidence", upload)).StatusCode);

        var thisRound = await admin.OpenRoundAsync(fiscalYear: 2570);
        var current = await AssessmentOf(admin, org, thisRound);
        var copied = await coordinator.PostAsync($"/api/v1/assessments/{current}/copy-forward", null);
        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        Assert.Equal(2, (await copied.JsonAsync()).GetProperty("issuesCopied").GetInt32());
        var files = await (await coordinator.GetAsync($"/api/v1/assessments/{current}/evidence")).JsonAsync();
        var file = Assert.Single(files.EnumerateArray());
        Assert.Equal("แผนยุทธศาสตร์.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(["1.1"], file.GetProperty("issueCodes").EnumerateArray().Select(e => e.GetString()));

        var process = await (await coordinator.GetAsync($"/api/v1/assessments/{current}/issues/1.1")).JsonAsync();
        Assert.Equal(["1.1.B1", "1.1.B2"], process.GetProperty("checked").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("ปีที่แล้ว", process.GetProperty("explanations").GetProperty("Basic").GetString());
        var indicator = (await (await coordinator.GetAsync($"/api/v1/assessments/{current}/issues/7.1")).JsonAsync()).GetProperty("indicators")[0];
        Assert.Equal((70m, 75m), (indicator.GetProperty("r2").GetDecimal(), indicator.GetProperty("r1").GetDecimal()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, indicator.GetProperty("r0").ValueKind);

        var again = await coordinator.PostAsync($"/api/v1/assessments/{current}/copy-forward", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var lastYearUnchanged = (await (await coordinator.GetAsync($"/api/v1/assessments/{last}/issues/7.1")).JsonAsync()).GetProperty("indicators")[0];
        Assert.Equal(75m, lastYearUnchanged.GetProperty("r0").GetDecimal());
    }

    [Fact]
    public async Task Without_a_previous_year_there_is_nothing_to_copy()
    {
        var team = await app.AgencyAsync();
        var response = await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/copy-forward", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static async Task<Guid> AssessmentOf(HttpClient admin, Seed.Org org, Guid round) =>
        (await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync())
            .EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();

    private static async Task Save(HttpClient client, Guid assessment, string issue, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessment}/issues/{issue}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}

public sealed class CopyForwardTests_Sqlite(SqliteApp app) : CopyForwardTests(app), IClassFixture<SqliteApp>;
public sealed class CopyForwardTests_Postgres(PostgresApp app) : CopyForwardTests(app), IClassFixture<PostgresApp>;
