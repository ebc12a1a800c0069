using Classifier.Text;

namespace Classifier.Tests.Text;

public sealed class BlockStructureTests
{
    [Fact]
    public void JoinsHardWrappedLinesIntoOneParagraph()
    {
        const string text = "Lithium prices slump\n\nAlbemarle said on Wednesday that it would cut capital\nspending again as lithium prices stayed near four-year\nlows. The company also trimmed jobs.\n\nA second paragraph follows here.";
        var document = ArticleReader.Default.Read(text);

        Assert.Equal("Lithium prices slump", document.Title);
        Assert.Equal(2, document.Blocks.Count);
        Assert.Equal(2, document.Blocks[0].Sentences.Count);
        Assert.StartsWith("Albemarle said", document.Blocks[0].Text);
    }

    [Fact]
    public void ReadsMarkdownHeadingsAndNumberedLists()
    {
        const string text = "# Cobalt outlook\n\nIntro paragraph here.\n\n## Key points\n\n1. Supply is tight.\n2. Prices rose\n\n- A dash bullet\n* A star bullet\n";
        var document = ArticleReader.Default.Read(text);

        Assert.Equal(ArticleFormat.Markdown, document.Format);
        Assert.Equal("Cobalt outlook", document.Title);
        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Heading, BlockKind.Bullet, BlockKind.Bullet, BlockKind.Bullet, BlockKind.Bullet],
            document.Blocks.Select(b => b.Kind));
        Assert.Equal("Key points", document.Blocks[1].Text);
        Assert.Equal("Supply is tight.", document.Blocks[2].Text);
        Assert.Equal("A star bullet", document.Blocks[5].Text);
    }

    [Fact]
    public void ReadsHtmlDroppingScriptsStylesAndPageChrome()
    {
        const string html = """
            <!DOCTYPE html><html><head><title>Site | Gallium curbs</title><style>p{color:red}</style></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <header><h1>China tightens gallium curbs</h1></header>
            <article><p>Beijing widened its export controls on Tuesday. Traders expect <b>higher</b> prices.</p>
            <h2>Why it matters</h2><ul><li>US chipmakers depend on imports</li><li>Stockpiles are thin.</li></ul>
            <script>var x = "<p>not text</p>";</script></article>
            <aside>Related stories</aside><footer>© 2025 Example Media</footer></body></html>
            """;
        var document = ArticleReader.Default.Read(html);

        Assert.Equal(ArticleFormat.Html, document.Format);
        Assert.Equal("China tightens gallium curbs", document.Title);
        Assert.Equal([BlockKind.Paragraph, BlockKind.Heading, BlockKind.Bullet, BlockKind.Bullet], document.Blocks.Select(b => b.Kind));
        Assert.Equal(2, document.Blocks[0].Sentences.Count);
        Assert.Equal("Beijing widened its export controls on Tuesday. Traders expect higher prices.", document.Blocks[0].Text);
        Assert.DoesNotContain("not text", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Related", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", document.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Share this article")]
    [InlineData("By Jane Doe")]
    [InlineData("Tags: lithium, cobalt, Albemarle")]
    [InlineData("Sign up for our weekly critical minerals newsletter.")]
    [InlineData("Photo: Lynas Rare Earths")]
    [InlineData("Leave a comment")]
    [InlineData("Read more: Gallium prices hit record")]
    [InlineData("Thanks for reading Critical Minerals Weekly")]
    [InlineData("Thank you for reading.")]
    [InlineData("← Previous post")]
    [InlineData("Next story →")]
    [InlineData("« Older posts")]
    public void MarksWebBoilerplateAndNeverMakesItAHeading(string line)
    {
        var document = ArticleReader.Default.Read($"Title of the story\n\nA body paragraph comes first.\n\n{line}\n");
        var block = document.Blocks[^1];
        Assert.True(block.IsBoilerplate);
        Assert.NotEqual(BlockKind.Heading, block.Kind);
    }

    [Theory]
    [InlineData("Why It Matters to the West")]
    [InlineData("Key Takeaways")]
    [InlineData("Outlook for 2026")]
    public void ReadsShortUnpunctuatedLinesAsHeadings(string line)
    {
        var document = ArticleReader.Default.Read($"Title of the story\n\nA body paragraph comes first.\n\n{line}\n\nAnother paragraph.");
        Assert.Equal(BlockKind.Heading, document.Blocks[1].Kind);
    }

    [Fact]
    public void A_heading_after_a_byline_and_a_date_still_heads_the_bullets_below_it()
    {
        var document = ArticleReader.Default.Read(
            "Title of the story\n\nBy Jane Doe\n\nPublished: 3 May 2026\n\nKey points\n\n- Gallium output fell 12%.\n- Prices rose.\n\nA body paragraph.");

        var heading = Assert.Single(document.Blocks, b => b.Kind == BlockKind.Heading);
        Assert.Equal("Key points", heading.Text);
        Assert.False(heading.IsBoilerplate);
    }

    [Fact]
    public void Headlines_listed_after_page_furniture_at_the_end_are_furniture_too()
    {
        var document = ArticleReader.Default.Read(
            "Title of the story\n\nA body paragraph comes first.\n\nShare this article\n\nTags: lithium\n\nCobalt Slumps on Congo Quota\n\nLynas Wins Texas Contract");

        Assert.DoesNotContain(document.Blocks, b => b.Kind == BlockKind.Heading);
        Assert.All(document.Blocks.Skip(1), b => Assert.True(b.IsBoilerplate));
    }

    [Fact]
    public void Headlines_under_a_related_coverage_line_are_furniture_even_before_more_text()
    {
        var document = ArticleReader.Default.Read(
            "Title of the story\n\nA body paragraph comes first.\n\nRelated coverage\n\nCobalt Slumps on Congo Quota\n\nThe story goes on after the box.");

        Assert.DoesNotContain(document.Blocks, b => b.Kind == BlockKind.Heading);
        Assert.False(document.Blocks[^1].IsBoilerplate);
    }

    [Fact]
    public void TakesNoTitleWhenTheFirstLineIsASentence()
    {
        var document = ArticleReader.Default.Read("Cobalt rose 5% on Monday.\n\nTraders cited the DRC export suspension.");
        Assert.Null(document.Title);
        Assert.Equal(2, document.Blocks.Count);
    }
}
