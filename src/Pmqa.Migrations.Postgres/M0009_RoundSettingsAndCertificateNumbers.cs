using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0009_RoundSettingsAndCertificateNumbers")]
public sealed class M0009_RoundSettingsAndCertificateNumbers : SqlScriptMigration
{
    protected override string ScriptName => "0009_round_settings_and_certificate_numbers.sql";
}
