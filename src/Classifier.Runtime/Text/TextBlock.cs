namespace Classifier.Text;

/// <summary>A heading, paragraph or bullet of an article, with its sentences.</summary>
public sealed class TextBlock
{
    private readonly string _source;

    internal TextBlock(
        string source,
        int index,
        BlockKind kind,
        TextSpan span,
        TextSpan contentSpan,
        IReadOnlyList<Sentence> sentences,
        bool isBoilerplate,
        IReadOnlyList<TextSpan> artifacts)
    {
        _source = source;
        Index = index;
        Kind = kind;
        Span = span;
        ContentSpan = contentSpan;
        Sentences = sentences;
        IsBoilerplate = isBoilerplate;
        Artifacts = artifacts;
    }

    /// <summary>Position of the block in the document, from 0.</summary>
    public int Index { get; }

    /// <summary>Heading, paragraph or bullet.</summary>
    public BlockKind Kind { get; }

    /// <summary>The whole block in the source, markup included (a bullet's marker, a Markdown <c>#</c>).</summary>
    public TextSpan Span { get; }

    /// <summary>The block's content without list or heading markers; <see cref="Text"/> is this span.</summary>
    public TextSpan ContentSpan { get; }

    /// <summary>The block's content, exactly as in the document's text (wrapped lines keep their line breaks).</summary>
    public string Text => _source.Substring(ContentSpan.Start, ContentSpan.Length);

    /// <summary>The sentences of a paragraph or bullet, in order; empty for a heading.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Whether the reader recognised the block as web boilerplate (share prompts, tag lists, comment forms, bylines).</summary>
    /// <remarks>A hint from surface patterns; the topic model's <c>other</c> label is the trained judgement.</remarks>
    public bool IsBoilerplate { get; }

    /// <summary>Link artifacts inside the block, such as "(opens in a new tab)", which summaries leave out.</summary>
    public IReadOnlyList<TextSpan> Artifacts { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Text}";
}
