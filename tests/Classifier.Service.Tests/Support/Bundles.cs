namespace Classifier.Service.Tests.Support;

/// <summary>The repository's default model bundle, which the tests serve; tests skip while it is absent.</summary>
internal static class Bundles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Default => Path.Combine(RepositoryRoot, "models");

    public static bool Present => File.Exists(Path.Combine(Default, "manifest.json"));

    /// <summary>Skips the calling test when the default bundle is absent.</summary>
    public static void Require() =>
        Assert.SkipUnless(Present, $"{Default} holds no model bundle (it is trained on main and committed there).");

    /// <summary>A copy of the default bundle in a fresh temporary folder, to break and reload.</summary>
    public static TemporaryBundle Copy()
    {
        Require();
        var folder = Directory.CreateTempSubdirectory("classifier-bundle-").FullName;
        foreach (var file in Directory.GetFiles(Default))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return new TemporaryBundle(folder);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Classifier.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No Classifier.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A bundle folder the test owns and deletes.</summary>
internal sealed class TemporaryBundle(string folder) : IDisposable
{
    private readonly Dictionary<string, byte[]> _originals = Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    public string Folder { get; } = folder;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Puts every file back as it was copied.</summary>
    public void Restore()
    {
        foreach (var (name, bytes) in _originals)
            File.WriteAllBytes(PathOf(name), bytes);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
