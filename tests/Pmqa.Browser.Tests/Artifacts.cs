namespace Pmqa.Browser.Tests;

/// <summary>Where the run keeps what people look at afterwards: <c>artifacts/screenshots/</c> at the repository root.</summary>
public static class Artifacts
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ScreenshotsFolder { get; } =
        Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "screenshots")).FullName;

    public static string Screenshot(string name) => Path.Combine(ScreenshotsFolder, name + ".png");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pmqa.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Pmqa.slnx above {AppContext.BaseDirectory}.");
    }
}
