using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0005_ReviewAndCertification")]
public sealed class M0005_ReviewAndCertification : SqlScriptMigration
{
    protected override string ScriptName => "0005_review_and_certification.sql";
}
