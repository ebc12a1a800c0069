namespace Classifier.Training.Summaries;

/// <summary>An article with a reference summary, for training and scoring the salience model.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">The headline, or empty.</param>
/// <param name="Body">The article text without the headline.</param>
/// <param name="Reference">The reference summary's sentences.</param>
/// <param name="Split">train, dev or test (empty when the data has no splits).</param>
/// <param name="Source">Where the article comes from (for reports: the project corpus, a benchmark).</param>
public sealed record SummaryArticle(string Id, string Title, string Body, IReadOnlyList<string> Reference, string Split, string Source)
{
    /// <summary>The sentences an editor marked as the article's highlights (the corpus's <c>K:</c> lines), word for word; empty
    /// when the data has none, and the salience model then learns from the ROUGE oracle against <see cref="Reference"/>.</summary>
    public IReadOnlyList<string> KeySentences { get; init; } = [];

    /// <summary>The key sentences with white space collapsed, to match sentences the reader cut from <see cref="Text"/>.</summary>
    public HashSet<string> KeySentenceSet() => KeySentences.Select(global::Classifier.Text.WhiteSpace.Collapse).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the project's summarizer reads: the headline as the first line, then the body.</summary>
    public string Text => Title.Length > 0 ? $"{Title}\n\n{Body}" : Body;
}
