namespace Classifier.Text;

/// <summary>Reads an article (plain text, Markdown or HTML) into an <see cref="ArticleDocument"/> of blocks and sentences.</summary>
/// <remarks>Immutable and thread-safe: one reader serves any number of threads. Training and prediction both read through it,
/// so that models see the same paragraphs and sentences in both.</remarks>
public sealed class ArticleReader
{
    private readonly SentenceSplitter _splitter;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">How to read; null for <see cref="ReaderOptions.Default"/>.</param>
    public ArticleReader(ReaderOptions? options = null)
    {
        Options = options ?? ReaderOptions.Default;
        _splitter = new SentenceSplitter(Options.AdditionalAbbreviations);
    }

    /// <summary>A reader with the default options.</summary>
    public static ArticleReader Default { get; } = new();

    /// <summary>The options this reader was made with.</summary>
    public ReaderOptions Options { get; }

    /// <summary>Reads <paramref name="text"/>. Never throws on content: any string gives a document.</summary>
    /// <param name="text">The article, in the reader's format or any format when it is <see cref="ArticleFormat.Auto"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ArticleDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var format = Options.Format == ArticleFormat.Auto ? FormatDetector.Detect(text) : Options.Format;
        string source;
        TextSpan? title;
        List<RawBlock> rawBlocks;
        if (format == ArticleFormat.Html)
        {
            (source, title, rawBlocks) = HtmlExtractor.Extract(text);
            if (!Options.DetectTitle)
                title = null;
        }
        else
        {
            source = text;
            (title, rawBlocks) = LineParser.Parse(text, Options.DetectTitle);
        }

        DemoteFalseHeadings(source, rawBlocks);
        return new ArticleDocument(source, format, title, BuildBlocks(source, rawBlocks));
    }

    /// <summary>A heading introduces content: short lines that introduce nothing are page furniture, not headings.</summary>
    private static void DemoteFalseHeadings(string source, List<RawBlock> blocks)
    {
        // Headlines listed under "Related coverage" or "Most read" are links to other stories. Without such an intro, a
        // heading after two pieces of furniture is a listed headline only if no content follows it: "Key points" after a
        // byline and a date still heads the bullets below it.
        for (var i = 1; i < blocks.Count; i++)
        {
            var previous = blocks[i - 1];
            if (blocks[i].Kind != BlockKind.Heading || !previous.IsBoilerplate)
                continue;
            var listIntro = Boilerplate.IntroducesLinkList(source.AsSpan(previous.Content.Start, previous.Content.Length));
            var afterFurniture = previous.Kind == BlockKind.Paragraph && i > 1 && blocks[i - 2].IsBoilerplate
                && (i + 1 == blocks.Count || blocks[i + 1].Kind == BlockKind.Heading || blocks[i + 1].IsBoilerplate);
            if (listIntro || afterFurniture)
                blocks[i] = blocks[i] with { Kind = BlockKind.Paragraph, IsBoilerplate = true };
        }

        // Headings followed by nothing but headings and boilerplate up to the end introduce no content.
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            var block = blocks[i];
            if (block.Kind != BlockKind.Heading && !block.IsBoilerplate)
                break;
            if (block.Kind == BlockKind.Heading)
                blocks[i] = block with { Kind = BlockKind.Paragraph, IsBoilerplate = true };
        }
    }

    private List<TextBlock> BuildBlocks(string source, List<RawBlock> rawBlocks)
    {
        var blocks = new List<TextBlock>(rawBlocks.Count);
        var spans = new List<TextSpan>();
        var artifacts = new List<TextSpan>();
        foreach (var raw in rawBlocks)
        {
            IReadOnlyList<Sentence> sentences = [];
            IReadOnlyList<TextSpan> blockArtifacts = [];
            if (raw.Kind != BlockKind.Heading)
            {
                spans.Clear();
                _splitter.Split(source, raw.Content.Start, raw.Content.End, spans);
                var list = new Sentence[spans.Count];
                for (var i = 0; i < spans.Count; i++)
                    list[i] = new Sentence(source, spans[i], i);
                sentences = list;

                artifacts.Clear();
                Boilerplate.FindArtifacts(source, raw.Content.Start, raw.Content.End, artifacts);
                if (artifacts.Count > 0)
                    blockArtifacts = artifacts.ToArray();
            }

            blocks.Add(new TextBlock(source, blocks.Count, raw.Kind, raw.Span, raw.Content, sentences, raw.IsBoilerplate, blockArtifacts));
        }

        return blocks;
    }
}
