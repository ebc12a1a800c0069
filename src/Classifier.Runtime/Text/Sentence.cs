namespace Classifier.Text;

/// <summary>One sentence of a paragraph or bullet, as a span of its document's text.</summary>
public sealed class Sentence
{
    private readonly string _source;
    private int _tokenCount = -1;

    internal Sentence(string source, TextSpan span, int index)
    {
        _source = source;
        Span = span;
        Index = index;
    }

    /// <summary>Where the sentence lies in <see cref="ArticleDocument.Text"/>.</summary>
    public TextSpan Span { get; }

    /// <summary>Position of the sentence within its block, from 0.</summary>
    public int Index { get; }

    /// <summary>The sentence's characters, exactly as in the document's text.</summary>
    public string Text => _source.Substring(Span.Start, Span.Length);

    /// <summary>How many o200k tokens the sentence takes (for summary budgets in tokens); computed on first use.</summary>
    public int TokenCount
    {
        get
        {
            // Counting is deferred: most callers of the reader never need it, and it costs more than splitting.
            var count = Volatile.Read(ref _tokenCount);
            if (count < 0)
            {
                count = TokenCounter.Count(_source.AsSpan(Span.Start, Span.Length));
                Volatile.Write(ref _tokenCount, count);
            }

            return count;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
