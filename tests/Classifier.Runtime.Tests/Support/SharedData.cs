namespace Classifier.Tests.Support;

/// <summary>Finds the files of <c>../shared</c> beside the checkout, which tests use when present and skip without.</summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder: <c>CLASSIFIER_SHARED</c> if set, else the folder <c>shared</c> beside the checkout.</summary>
    public static string SharedRoot { get; } =
        Environment.GetEnvironmentVariable("CLASSIFIER_SHARED") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The committed default model bundle.</summary>
    public static string Models => Path.Combine(RepositoryRoot, "models");

    /// <summary>The project's own example article (committed).</summary>
    public static string ExampleArticle => Path.Combine(RepositoryRoot, "docs", "examples", "gallium-recycling-2026.txt");

    public static string SampleArticle => Path.Combine(SharedRoot, "samples", "shenghe-midyear-2025.txt");

    public static string BbcArticles => Path.Combine(SharedRoot, "datasets", "bbc-news-summary", "articles.jsonl");

    public static string AgNewsTrain => Path.Combine(SharedRoot, "datasets", "ag-news", "train.csv");

    /// <summary>Returns the path, or skips the calling test when the file is absent.</summary>
    public static string Require(string path)
    {
        Assert.SkipUnless(File.Exists(path), $"{path} is absent (the shared data lives beside the checkout).");
        return path;
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
