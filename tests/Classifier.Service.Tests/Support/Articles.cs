namespace Classifier.Service.Tests.Support;

/// <summary>Real articles for requests: the example article and the corpus's test-split articles.</summary>
internal static class Articles
{
    private static readonly Lazy<IReadOnlyList<string>> s_all = new(Load);

    public static string Example => File.ReadAllText(Path.Combine(Bundles.RepositoryRoot, "docs", "examples", "gallium-recycling-2026.txt"));

    /// <summary>The example first, then up to <paramref name="count"/> - 1 corpus articles in file order.</summary>
    public static IReadOnlyList<string> Take(int count) => [.. s_all.Value.Take(count)];

    /// <summary>Like <see cref="Take"/>, each cut after the paragraph that passes <paramref name="characters"/>: real text,
    /// cheaper to analyse.</summary>
    public static IReadOnlyList<string> Openings(int count, int characters) => [.. Take(count).Select(text =>
    {
        var cut = text.IndexOf("\n\n", Math.Min(characters, text.Length), StringComparison.Ordinal);
        return cut < 0 ? text : text[..cut];
    })];

    private static IReadOnlyList<string> Load()
    {
        var articles = new List<string> { Example };
        foreach (var file in Directory.GetFiles(Path.Combine(Bundles.RepositoryRoot, "training-data", "articles"), "*.txt").Order(StringComparer.Ordinal))
        {
            // A corpus file is a header, labels, a "---" line, then the article as a reader would paste it.
            var text = File.ReadAllText(file);
            var cut = text.IndexOf("\n---\n", StringComparison.Ordinal);
            if (cut >= 0 && text.Contains("\nsplit: test\n", StringComparison.Ordinal))
                articles.Add(text[(cut + 5)..]);
        }

        return articles;
    }
}
