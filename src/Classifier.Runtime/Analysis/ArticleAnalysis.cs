using Classifier.Text;

namespace Classifier.Analysis;

/// <summary>An analysed article: every block with its topic, every sentence with its Western flag and salience.</summary>
public sealed class ArticleAnalysis
{
    internal ArticleAnalysis(ArticleDocument document, IReadOnlyList<ParagraphAnalysis> paragraphs, IReadOnlyDictionary<Sentence, Dictionary<string, double>> vectors)
    {
        Document = document;
        Paragraphs = paragraphs;
        Vectors = vectors;
    }

    /// <summary>The article as the reader read it (source text, blocks, spans).</summary>
    public ArticleDocument Document { get; }

    /// <summary>The article's title, if the reader found one.</summary>
    public string? Title => Document.Title;

    /// <summary>Every block of the article in order: headings, paragraphs and bullets.</summary>
    public IReadOnlyList<ParagraphAnalysis> Paragraphs { get; }

    /// <summary>Every sentence of every block, in order.</summary>
    public IEnumerable<SentenceAnalysis> Sentences => Paragraphs.SelectMany(p => p.Sentences);

    // Unit term vectors of the summary candidates, for redundancy removal.
    internal IReadOnlyDictionary<Sentence, Dictionary<string, double>> Vectors { get; }
}

/// <summary>A block of an article (paragraph, bullet or heading) with its topic.</summary>
public sealed class ParagraphAnalysis
{
    internal ParagraphAnalysis(TextBlock block, string? topic, IReadOnlyDictionary<string, float> topicScores)
    {
        Block = block;
        Topic = topic;
        TopicScores = topicScores;
    }

    /// <summary>The block as the reader read it.</summary>
    public TextBlock Block { get; }

    /// <summary>The block's index in the article.</summary>
    public int Index => Block.Index;

    /// <summary>Heading, paragraph or bullet.</summary>
    public BlockKind Kind => Block.Kind;

    /// <summary>The block's text (without list markers).</summary>
    public string Text => Block.Text;

    /// <summary>Where the text is in the source.</summary>
    public TextSpan Span => Block.ContentSpan;

    /// <summary>Whether the reader took the block for page furniture (share prompts, bylines, tag lists).</summary>
    public bool IsBoilerplate => Block.IsBoilerplate;

    /// <summary>The topic label, or null for a heading (headings are structure, not content).</summary>
    public string? Topic { get; }

    /// <summary>The calibrated probability of every topic label (empty for a heading).</summary>
    public IReadOnlyDictionary<string, float> TopicScores { get; }

    /// <summary>The block's sentences.</summary>
    public IReadOnlyList<SentenceAnalysis> Sentences { get; internal set; } = [];
}

/// <summary>A sentence with its Western-relevance flag and probability and its salience.</summary>
public sealed class SentenceAnalysis
{
    internal SentenceAnalysis(Sentence sentence, ParagraphAnalysis paragraph, bool isWestern, float westernScore, float salience, bool isCandidate)
    {
        Sentence = sentence;
        Paragraph = paragraph;
        IsWestern = isWestern;
        WesternScore = westernScore;
        Salience = salience;
        IsCandidate = isCandidate;
    }

    /// <summary>The sentence as the reader read it.</summary>
    public Sentence Sentence { get; }

    /// <summary>The block the sentence is in.</summary>
    public ParagraphAnalysis Paragraph { get; }

    /// <summary>The sentence text.</summary>
    public string Text => Sentence.Text;

    /// <summary>Where the sentence is in the source.</summary>
    public TextSpan Span => Sentence.Span;

    /// <summary>The topic of the sentence's block.</summary>
    public string? Topic => Paragraph.Topic;

    /// <summary>Whether the sentence matters to the West (its probability is at or above the model's calibrated threshold).</summary>
    public bool IsWestern { get; }

    /// <summary>The calibrated probability that the sentence matters to the West (0 for headings and boilerplate).</summary>
    public float WesternScore { get; }

    /// <summary>The probability that the sentence belongs in a summary (0 for sentences a summary never takes).</summary>
    public float Salience { get; }

    /// <summary>Whether a summary may take the sentence: substantive content, not a heading, boilerplate or <c>other</c>.</summary>
    public bool IsCandidate { get; }
}
