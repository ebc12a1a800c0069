namespace Classifier.Cli;

/// <summary>Finds the model bundle when <c>--models</c> is not given.</summary>
internal static class ModelsFolder
{
    public const string Name = "models";

    /// <summary>The given folder, or the default bundle: the nearest <c>models/</c> with a manifest in the current folder or
    /// above it (a checkout, after a retrain), else <c>models/</c> beside the executable (where the build copies it).</summary>
    public static string Resolve(string? given)
    {
        if (given is not null)
            return given;

        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, Name);
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
                return candidate;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, Name);
        if (File.Exists(Path.Combine(beside, "manifest.json")))
            return beside;

        throw new CliException($"no model bundle found (looked in {beside} and for {Name}/manifest.json from {Environment.CurrentDirectory} up); give --models DIR.");
    }
}
