using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
// Migration 0014 (the number reserved for it) changes the table 0021 creates, so it must run after 0021: EF applies
// migrations in id order, and an id that extends 0021's sorts after it under any comparer.
[Migration("0021_DigitalRegister_0014_DigitisedYear")]
public sealed class M0014_DigitisedYear : SqlScriptMigration
{
    protected override string ScriptName => "0014_digitised_year.sql";
}
