namespace Classifier.Text;

/// <summary>An article cut into title, headings, paragraphs, bullets and sentences, all as spans of <see cref="Text"/>.</summary>
/// <remarks>
/// For plain text and Markdown, <see cref="Text"/> is the input unchanged, so every span is an offset into what the caller
/// gave. For HTML it is the visible text the reader extracted, one block per line group.
/// </remarks>
public sealed class ArticleDocument
{
    internal ArticleDocument(string text, ArticleFormat format, TextSpan? titleSpan, IReadOnlyList<TextBlock> blocks)
    {
        Text = text;
        Format = format;
        TitleSpan = titleSpan;
        Blocks = blocks;
    }

    /// <summary>The text every span points into.</summary>
    public string Text { get; }

    /// <summary>The format the text was read as (never <see cref="ArticleFormat.Auto"/>).</summary>
    public ArticleFormat Format { get; }

    /// <summary>Where the title lies in <see cref="Text"/>, or null when the article has none.</summary>
    public TextSpan? TitleSpan { get; }

    /// <summary>The title, or null.</summary>
    public string? Title => TitleSpan is { } span ? Text.Substring(span.Start, span.Length) : null;

    /// <summary>The blocks after the title, in reading order, non-overlapping.</summary>
    public IReadOnlyList<TextBlock> Blocks { get; }

    /// <summary>Every sentence of every paragraph and bullet, in reading order, with its block.</summary>
    public IEnumerable<(TextBlock Block, Sentence Sentence)> EnumerateSentences()
    {
        foreach (var block in Blocks)
        {
            foreach (var sentence in block.Sentences)
                yield return (block, sentence);
        }
    }
}
