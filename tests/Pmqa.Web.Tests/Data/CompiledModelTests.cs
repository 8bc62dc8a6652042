#pragma warning disable EF1001 // the providers' design-time services live in their .Internal namespaces (as dotnet-ef uses them)
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;

namespace Pmqa.Web.Tests.Data;

/// <summary>
/// The application runs on EF models compiled to C# (ADR 0036), generated from the configuration classes. A model
/// change without regenerating them would run the application on the old model, so this test generates each
/// provider's compiled model again, as <c>dotnet ef dbcontext optimize</c> would, and compares it with the files
/// in the repository. <c>./compile-models.sh</c> runs it with <c>PMQA_WRITE_COMPILED_MODELS=1</c>, which writes the
/// files instead.
/// </summary>
public class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_compiled_model_is_generated_from_the_current_model(DatabaseProvider provider)
    {
        var generated = Generate(provider).ToDictionary(f => f.Path, f => f.Code);
        var folder = Folder(provider);
        if (Environment.GetEnvironmentVariable("PMQA_WRITE_COMPILED_MODELS") == "1")
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            foreach (var (path, code) in generated) File.WriteAllText(Path.Combine(folder, path), code);
            return;
        }
        generated = generated.ToDictionary(f => f.Key, f => Normalise(f.Value));
        var stored = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").ToDictionary(f => Path.GetFileName(f), f => Normalise(File.ReadAllText(f)))
            : [];
        const string fix = "The EF model changed: run ./compile-models.sh and commit its output.";
        Assert.True(generated.Keys.Order().SequenceEqual(stored.Keys.Order()), $"{fix} Files differ in {folder}.");
        foreach (var (path, code) in generated) Assert.True(code == stored[path], $"{fix} {path} is stale.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_application_runs_on_the_compiled_model(DatabaseProvider provider)
    {
        using var db = Context(provider, compiledModel: true);
        Assert.NotNull(CompiledModel.For(provider));
        Assert.Equal(CompiledModel.Namespace(provider), db.Model.GetType().Namespace);
    }

    private static PmqaDbContext Context(DatabaseProvider provider, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<PmqaDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:", compiledModel);
        return new PmqaDbContext(options.Options);
    }

    /// <summary>The compiled model's files, generated from the model the configuration classes build.</summary>
    private static IReadOnlyCollection<ScaffoldedFile> Generate(DatabaseProvider provider)
    {
        using var db = Context(provider, compiledModel: false);
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        if (provider == DatabaseProvider.Postgres)
            new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
        else
            new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
        services.AddDbContextDesignTimeServices(db);
        using var provided = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(PmqaDbContext),
            ModelNamespace = CompiledModel.Namespace(provider),
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var generator = provided.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options);
        // Not the assembly attribute that would make EF pick a compiled model by itself: there are two, one per
        // provider, and DatabaseSetup chooses (UseModel).
        return generator.GenerateModel(db.GetService<IDesignTimeModel>().Model, options)
            .Where(f => !f.Path.EndsWith("AssemblyAttributes.cs", StringComparison.Ordinal)).ToList();
    }

    private static string Folder(DatabaseProvider provider)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Pmqa.slnx"))) root = root.Parent ?? throw new DirectoryNotFoundException("Pmqa.slnx");
        return Path.Combine(root.FullName, "src", "Pmqa.Web", "Infrastructure", "Data", "CompiledModels", provider.ToString());
    }

    /// <summary>Line endings aside, and the model id: a new random one at every generation.</summary>
    private static string Normalise(string code) =>
        Regex.Replace(code.ReplaceLineEndings("\n"), @"modelId: new Guid\(""[0-9a-f-]+""\)", "modelId: new Guid(…)");
}
