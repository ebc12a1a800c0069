using Classifier.Tests.Support;
using Classifier.Text;

namespace Classifier.Tests.Text;

/// <summary>The reader on the real published article in <c>../shared/samples</c>.</summary>
public sealed class SampleArticleTests
{
    private static ArticleDocument ReadSample() => ArticleReader.Default.Read(File.ReadAllText(SharedData.Require(SharedData.SampleArticle)));

    [Fact]
    public void FindsTheTitleHighlightsHeadingsParagraphsAndBoilerplateAsTheirOwnBlocks()
    {
        var document = ReadSample();

        Assert.StartsWith("Shenghe Resources Rallies Leadership in Baotou", document.Title);
        Assert.Equal(
            ["Highlights", "KeyTakeaways", "Why It Matters to the West"],
            document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text));

        var bullets = document.Blocks.Where(b => b.Kind == BlockKind.Bullet).ToList();
        Assert.Equal(3, bullets.Count);
        Assert.StartsWith("Chinese rare earth producer", bullets[0].Text);
        Assert.All(bullets, b => Assert.Single(b.Sentences));

        var body = document.Blocks.Where(b => b.Kind == BlockKind.Paragraph && !b.IsBoilerplate).ToList();
        Assert.Equal(5, body.Count);
        Assert.Equal([2, 3, 4, 1, 3], body.Select(b => b.Sentences.Count));

        Assert.Equal(
            ["Spread the word:", "CATEGORIES: , ,", "Leave a Reply", "Your email address will not be published. Required fields are marked *"],
            document.Blocks.Where(b => b.IsBoilerplate).Select(b => b.Text));
    }

    [Fact]
    public void SplitsSentencesAsACarefulReaderWould()
    {
        var sentences = ReadSample().EnumerateSentences().Select(p => p.Sentence.Text).ToList();

        Assert.Contains(sentences, s => s.StartsWith("From July 24–25, Shenghe Resources Holding Co., Ltd., one of", StringComparison.Ordinal)
            && s.EndsWith("the capital of China’s rare earth industry.", StringComparison.Ordinal));
        Assert.Contains("Chairman Xie Bing delivered a direct, pragmatic address urging the company to “define strategy, fight for performance, prioritize innovation, and execute relentlessly.”", sentences);
        Assert.Contains("“We must not cling to past practices,” he said, “but deliver real results through real work.”", sentences);
        Assert.Contains("With stronger risk controls, Shenghe may become even more competitive in global resource bidding, including for U.S.-targeted deposits.", sentences);
        Assert.Contains("Required fields are marked *", sentences);
    }

    [Fact]
    public void MarksTheLinkArtifactAndKeepsOffsetsExact()
    {
        var document = ReadSample();

        var artifact = Assert.Single(document.Blocks.SelectMany(b => b.Artifacts));
        Assert.Equal("(opens in a new tab)", document.Text.Substring(artifact.Start, artifact.Length));
        foreach (var (block, sentence) in document.EnumerateSentences())
        {
            Assert.True(block.ContentSpan.Contains(sentence.Span));
            Assert.Equal(sentence.Text, document.Text.Substring(sentence.Span.Start, sentence.Span.Length));
            Assert.True(sentence.TokenCount > 0);
        }
    }
}
