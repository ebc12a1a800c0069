namespace Classifier.Training.Corpus;

/// <summary>One article file of the corpus as written: metadata, reference highlights, label lines and the raw text.</summary>
public sealed record CorpusArticle(
    string Path,
    string Id,
    string Outlet,
    string Date,
    string Split,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<LabelLine> Labels,
    string Text,
    int TextLine);

/// <summary>One label line: <c>[topic] first words</c> or <c>[heading] first words</c>, with the Western and key sentences
/// under it.</summary>
/// <param name="Label">The topic, or <see cref="CorpusLabels.Heading"/>.</param>
/// <param name="Prefix">The block's opening words.</param>
/// <param name="Western">The opening words of each sentence flagged Western (<c>W:</c> lines), with their line numbers.</param>
/// <param name="Line">The line number of the label line in its file, from 1.</param>
public sealed record LabelLine(string Label, string Prefix, IReadOnlyList<(string Prefix, int Line)> Western, int Line)
{
    /// <summary>The opening words of each key sentence (<c>K:</c> lines): a sentence an editor would lift as a highlight.</summary>
    public IReadOnlyList<(string Prefix, int Line)> Keys { get; init; } = [];
}

/// <summary>The labels the corpus uses.</summary>
public static class CorpusLabels
{
    /// <summary>The label of a heading line: structure, not a topic.</summary>
    public const string Heading = "heading";

    /// <summary>The topic of boilerplate.</summary>
    public const string Other = "other";

    /// <summary>The topics a paragraph may carry, in a fixed order.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["strategy", "governance", "geopolitics", "operations", Other];

    /// <summary>Key sentences an article has (fewer only when its body has fewer sentences).</summary>
    public const int KeySentences = 3;

    /// <summary>Whether a block may hold key sentences: body paragraphs only, not bullets (often the article's own summary)
    /// nor <c>other</c>.</summary>
    public static bool MayHoldKeySentences(Text.BlockKind kind, string topic) => kind == Text.BlockKind.Paragraph && topic != Other;

    /// <summary>The splits an article may belong to.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["train", "dev", "test"];

    /// <summary>The split of an article not yet assigned one.</summary>
    public const string Unassigned = "unassigned";
}
