namespace Classifier.Analysis;

/// <summary>What a summary holds and how long it may be.</summary>
public sealed record SummaryOptions
{
    /// <summary>The default options: 3 highlights, 2 key points per topic, up to 3 Western sentences, no length budget.</summary>
    public static SummaryOptions Default { get; } = new();

    /// <summary>How many highlights (the most salient sentences).</summary>
    public int Highlights { get; init; } = 3;

    /// <summary>How many key points per topic.</summary>
    public int KeyPointsPerTopic { get; init; } = 2;

    /// <summary>At most this many sentences in "why it matters to the West" (only sentences over the calibrated threshold).</summary>
    public int MaxWest { get; init; } = 3;

    /// <summary>If set, the whole summary stays within this many characters of sentence text.</summary>
    public int? MaxCharacters { get; init; }

    /// <summary>If set, the whole summary stays within this many o200k tokens of sentence text.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>How strongly highlights avoid repeating each other (maximal marginal relevance): 0 ranks by salience alone,
    /// 1 by novelty alone.</summary>
    public double Diversity { get; init; } = 0.3;

    /// <summary>Whether highlights may come from the article's own bullet lists (by default they come from its paragraphs,
    /// unless it has none: an article's bullets are often its own summary already).</summary>
    public bool HighlightsFromBullets { get; init; }

    /// <summary>Whether the last of three or more highlights goes to a part of the headline that the others leave untouched:
    /// the most salient sentence on it that the West section does not already show. Editors cover the headline first.</summary>
    public bool CoverHeadline { get; init; } = true;

    /// <summary>Throws if an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The first option out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Highlights);
        ArgumentOutOfRangeException.ThrowIfNegative(KeyPointsPerTopic);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxWest);
        if (MaxCharacters is { } characters)
            ArgumentOutOfRangeException.ThrowIfNegative(characters, nameof(MaxCharacters));
        if (MaxTokens is { } tokens)
            ArgumentOutOfRangeException.ThrowIfNegative(tokens, nameof(MaxTokens));
        if (Diversity is < 0 or > 1 || double.IsNaN(Diversity))
            throw new ArgumentOutOfRangeException(nameof(Diversity), Diversity, "must be between 0 and 1.");
    }
}
