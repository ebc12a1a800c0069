using Classifier.Text;

namespace Classifier.Analysis;

/// <summary>How an <see cref="ArticleAnalyzer"/> reads and tags articles.</summary>
public sealed record AnalyzerOptions
{
    /// <summary>The default options.</summary>
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>How articles are read (format, title detection, extra abbreviations).</summary>
    public ReaderOptions Reader { get; init; } = ReaderOptions.Default;

    /// <summary>The topic label of non-content blocks; blocks the reader flags as boilerplate get it, and a summary never
    /// takes a sentence with it.</summary>
    public string OtherLabel { get; init; } = "other";

    /// <summary>The name of the topic model in the bundle.</summary>
    public string TopicModel { get; init; } = "topic";

    /// <summary>The name of the Western-relevance model in the bundle.</summary>
    public string WesternModel { get; init; } = "western";

    /// <summary>The name of the key-sentence model in the bundle: a binary text model of whether an editor would lift a
    /// sentence as a highlight, whose probability the salience model reads. Required when the salience model learned from one.</summary>
    public string KeySentenceModel { get; init; } = "keysentence";
}
