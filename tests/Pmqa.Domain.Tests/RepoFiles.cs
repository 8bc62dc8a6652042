namespace Pmqa.Domain.Tests;

/// <summary>Finds files of the repository (the shipped packs) from the test's output folder.</summary>
public static class RepoFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Pmqa.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException("Pmqa.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static IEnumerable<string> ShippedPacks => Directory.GetFiles(Path.Combine(Root, "frameworks"), "*.yaml");
}
