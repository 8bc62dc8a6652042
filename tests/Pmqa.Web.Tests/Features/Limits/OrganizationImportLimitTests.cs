using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Features.Organizations;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Limits;

/// <summary>The organisation CSV import under load and abuse: concurrent imports, files too large or too long.</summary>
public abstract class OrganizationImportLimitTests(PmqaApp app)
{
    private static MultipartFormDataContent Form(byte[] csv)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(csv), "file", "organizations.csv");
        return form;
    }

    private static byte[] Csv(int rows, string prefix, int padding = 0)
    {
        var text = new StringBuilder("code,nameTh,nameEn,type,parentCode\n");
        for (var i = 0; i < rows; i++)
            text.Append($"{prefix}-{i},กรมทดสอบ {i}{new string('ก', padding)},Test {i},ministry,\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task Four_identical_imports_at_the_same_moment_create_each_organisation_once_and_never_answer_500()
    {
        var admin = await app.AdminApiAsync();
        var prefix = Seed.Unique("C");
        var csv = Csv(50, prefix);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync("/api/v1/organizations/import", Form(csv))));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var stored = await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code.StartsWith(prefix)));
        Assert.Equal(50, stored);
    }

    [Fact]
    public async Task A_file_over_the_byte_limit_is_413_naming_the_limit_and_imports_nothing()
    {
        var admin = await app.AdminApiAsync();
        var prefix = Seed.Unique("B");
        // Just over 2 MB: within the request's envelope, refused by the import itself.
        var justOver = Csv(1_000, prefix, padding: 690);
        Assert.InRange(justOver.Length, ImportOrganizations.MaxBytes + 1, ImportOrganizations.RequestLimit - 1024);
        var answer = await admin.PostAsync("/api/v1/organizations/import", Form(justOver));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("2 MB", (await answer.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        // 40 MB: refused while the request is read, with the same answer.
        var huge = await admin.PostAsync("/api/v1/organizations/import", Form(new byte[40 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("2 MB", (await huge.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code.StartsWith(prefix))));
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_413_naming_the_limit()
    {
        var admin = await app.AdminApiAsync();
        var prefix = Seed.Unique("R");
        var answer = await admin.PostAsync("/api/v1/organizations/import", Form(Csv(ImportOrganizations.MaxRows + 1, prefix)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("10,000", (await answer.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code.StartsWith(prefix))));
    }

    [Fact]
    public async Task An_import_larger_than_one_batch_is_stored_whole_with_parents_before_children()
    {
        var admin = await app.AdminApiAsync();
        var prefix = Seed.Unique("L");
        var text = new StringBuilder("code,nameTh,nameEn,type,parentCode\n");
        // Children first in the file: the import still saves each parent before its children.
        for (var i = 0; i < ImportOrganizations.BatchSize + 100; i++)
            text.Append($"{prefix}-d{i},กรม {i},Department {i},department,{prefix}-m{i % 3}\n");
        for (var i = 0; i < 3; i++) text.Append($"{prefix}-m{i},กระทรวง {i},Ministry {i},ministry,\n");

        var answer = await admin.PostAsync("/api/v1/organizations/import", Form(Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(ImportOrganizations.BatchSize + 103, (await answer.JsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal(ImportOrganizations.BatchSize + 100,
            await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code.StartsWith(prefix) && o.ParentId != null)));
    }

    [Fact]
    public async Task The_import_page_shows_the_limit_at_the_file_field()
    {
        var browser = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var huge = await browser.PostAsync("/admin/organizations/import", Form(new byte[5 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.Redirect, huge.StatusCode);
        var page = await browser.GetHtmlAsync(huge.Headers.Location!.ToString());
        Assert.Contains("2 MB", page.QuerySelector("#file-error")!.TextContent);
    }
}

public sealed class OrganizationImportLimitTests_Sqlite(SqliteApp app) : OrganizationImportLimitTests(app), IClassFixture<SqliteApp>;
public sealed class OrganizationImportLimitTests_Postgres(PostgresApp app) : OrganizationImportLimitTests(app), IClassFixture<PostgresApp>;
