using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Pmqa.Web.Infrastructure.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) kept per EF model. EF refuses to run a compiled query with a
/// model other than the one it was compiled against, and one process may hold several (the tests run SQLite and
/// PostgreSQL side by side); the application itself has one, so this compiles each query once.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
