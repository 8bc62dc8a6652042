using Microsoft.EntityFrameworkCore.Metadata;

namespace Pmqa.Web.Infrastructure.Data;

/// <summary>
/// The EF models of <c>PmqaDbContext</c> compiled to C# (ADR 0036), one per provider because the model differs by
/// provider (SQLite stores instants as UTC ticks, and the organisation's code key is a virtual column there). Building
/// the model from the configuration classes cost ~1.1 s of CPU on the first DbContext at every start.
/// The code under <c>CompiledModels/</c> is generated: <c>./compile-models.sh</c> regenerates it after a model change,
/// and <c>CompiledModelTests</c> fails while it is stale. It is found by name, not referenced, so that the script can
/// delete code that no longer compiles (an entity removed) and rebuild before generating it again.
/// </summary>
public static class CompiledModel
{
    public static string Namespace(DatabaseProvider provider) => $"{typeof(CompiledModel).Namespace}.CompiledModels.{provider}";

    // Lazy: the application uses one provider, and instantiating a compiled model is itself not free.
    private static readonly Lazy<IModel?> Sqlite = new(() => Load(DatabaseProvider.Sqlite));
    private static readonly Lazy<IModel?> Postgres = new(() => Load(DatabaseProvider.Postgres));

    /// <summary>The provider's compiled model, or null when it has not been generated (the model is then built).</summary>
    public static IModel? For(DatabaseProvider provider) => (provider == DatabaseProvider.Postgres ? Postgres : Sqlite).Value;

    private static IModel? Load(DatabaseProvider provider) =>
        typeof(CompiledModel).Assembly.GetType($"{Namespace(provider)}.PmqaDbContextModel")
            ?.GetProperty("Instance")?.GetValue(null) as IModel;
}
