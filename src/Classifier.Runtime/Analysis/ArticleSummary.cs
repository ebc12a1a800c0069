namespace Classifier.Analysis;

/// <summary>An extractive summary: every sentence is the article's own, traceable to its place in the source.</summary>
public sealed class ArticleSummary
{
    internal ArticleSummary(ArticleAnalysis analysis, IReadOnlyList<SummarySentence> highlights, IReadOnlyList<KeyPoint> keyPoints, IReadOnlyList<SummarySentence> west)
    {
        Analysis = analysis;
        Highlights = highlights;
        KeyPoints = keyPoints;
        West = west;
    }

    /// <summary>The analysis the summary was built from.</summary>
    public ArticleAnalysis Analysis { get; }

    /// <summary>The article's title, if the reader found one.</summary>
    public string? Title => Analysis.Title;

    /// <summary>The most salient sentences, redundancy removed, in article order.</summary>
    public IReadOnlyList<SummarySentence> Highlights { get; }

    /// <summary>The most salient sentences of each topic that neither the highlights nor the West section show, topics in order
    /// of weight.</summary>
    public IReadOnlyList<KeyPoint> KeyPoints { get; }

    /// <summary>Why it matters to the West: Western sentences by probability, in article order; empty when there are none, or
    /// when none fits the length budget (tell the two apart by <see cref="ArticleAnalysis.Sentences"/>).</summary>
    public IReadOnlyList<SummarySentence> West { get; }
}

/// <summary>The key points of one topic.</summary>
/// <param name="Topic">The topic label.</param>
/// <param name="Sentences">Its sentences, in article order.</param>
public sealed record KeyPoint(string Topic, IReadOnlyList<SummarySentence> Sentences);

/// <summary>A sentence of a summary.</summary>
/// <param name="Text">The sentence text.</param>
/// <param name="Start">Its first character's offset in the source text.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Paragraph">The index of its block.</param>
/// <param name="Topic">Its block's topic.</param>
/// <param name="Score">Salience for highlights and key points; the Western probability for the West section.</param>
public sealed record SummarySentence(string Text, int Start, int Length, int Paragraph, string? Topic, float Score);
