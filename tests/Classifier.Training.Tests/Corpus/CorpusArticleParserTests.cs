using Classifier.Text;
using Classifier.Training.Corpus;

namespace Classifier.Tests.Corpus;

public sealed class CorpusArticleParserTests
{
    // A valid article file; other tests build on it.
    internal const string Valid = """
        id: t-01-test
        outlet: newswire
        date: 2025-03-04
        split: train
        highlight: One
        highlight: Two
        highlight: Three
        labels:
        [heading] Highlights
        [strategy] Lynas plans a new
          W: Lynas plans a new
        [operations] Output rose 12%
        [other] Share this article
        ---
        Lynas expands in Texas

        Highlights

        • Lynas plans a new plant in Texas

        Output rose 12% in the quarter. Costs were flat.

        Share this article
        """;

    [Fact]
    public void ParsesHeaderLabelsAndText()
    {
        var article = CorpusArticleParser.Parse("t.txt", Valid);

        Assert.Equal("t-01-test", article.Id);
        Assert.Equal(["One", "Two", "Three"], article.Highlights);
        Assert.Equal(["heading", "strategy", "operations", "other"], article.Labels.Select(l => l.Label));
        Assert.Equal(11, article.Labels[1].Western[0].Line);
        Assert.StartsWith("Lynas expands in Texas", article.Text);
    }

    [Fact]
    public void AlignsLabelsWithTheReadersBlocksAndSentences()
    {
        var issues = new List<CorpusIssue>();
        var article = CorpusAligner.Align(CorpusArticleParser.Parse("t.txt", Valid), ArticleReader.Default, issues);

        Assert.Empty(issues);
        Assert.NotNull(article);
        Assert.Equal(["strategy", "operations", "other"], article.Paragraphs.Select(p => p.Topic));
        Assert.True(article.Paragraphs[0].Sentences[0].Western);
        Assert.Equal([false, false], article.Paragraphs[1].Sentences.Select(s => s.Western));
    }

    [Theory]
    [InlineData("[strategy] Lynas plans a new", "[politics] Lynas plans a new", 10, "unknown label 'politics'")]
    [InlineData("outlet: newswire", "outlet newswire", 2, "expected a 'key: value' header line")]
    [InlineData("  W: Lynas plans a new", "W: Lynas plans a new", 11, "expected '[topic] first words'")]
    [InlineData("[other] Share this article\n---", "[other] Share this article", 14, "expected '[topic] first words'")]
    [InlineData("split: train\n", "", 1, "no 'split:' line")]
    public void ReportsFormatErrorsWithFileAndLine(string find, string replace, int line, string message)
    {
        var error = Assert.Throws<CorpusFormatException>(() => CorpusArticleParser.Parse("t.txt", Valid.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(line, error.Issue.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"t.txt:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[operations] Output rose 12%", "[operations] Output fell 12%", 12, "expected block 2 to start with 'Output fell 12%'")]
    [InlineData("[heading] Highlights", "[strategy] Highlights", 9, "labelled strategy, but the reader reads 'Highlights' as a heading")]
    [InlineData("  W: Lynas plans a new", "  W: Lynas builds", 11, "no sentence of block 1 starts with 'Lynas builds'")]
    public void ReportsLabelsThatDisagreeWithTheReader(string find, string replace, int line, string message)
    {
        var issues = new List<CorpusIssue>();
        var article = CorpusAligner.Align(CorpusArticleParser.Parse("t.txt", Valid.Replace(find, replace, StringComparison.Ordinal)), ArticleReader.Default, issues);

        Assert.Null(article);
        var issue = Assert.Single(issues);
        Assert.Equal(line, issue.Line);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksTheKeySentencesItsKLinesName()
    {
        var text = Valid.Replace("[operations] Output rose 12%", "[operations] Output rose 12%\n  K: Costs were", StringComparison.Ordinal);
        var issues = new List<CorpusIssue>();
        var article = CorpusAligner.Align(CorpusArticleParser.Parse("t.txt", text), ArticleReader.Default, issues);

        Assert.Empty(issues);
        Assert.NotNull(article);
        Assert.Equal([false, true], article.Paragraphs[1].Sentences.Select(s => s.Key));
        Assert.Equal([false, false], article.Paragraphs[1].Sentences.Select(s => s.Western));
        Assert.False(article.Paragraphs[0].Sentences[0].Key);
    }

    [Fact]
    public void RejectsAKeySentenceInABullet()
    {
        var text = Valid.Replace("  W: Lynas plans a new", "  K: Lynas plans a new", StringComparison.Ordinal);
        var issues = new List<CorpusIssue>();

        Assert.Null(CorpusAligner.Align(CorpusArticleParser.Parse("t.txt", text), ArticleReader.Default, issues));
        var issue = Assert.Single(issues);
        Assert.Equal(11, issue.Line);
        Assert.Contains("key sentences come from body paragraphs, but block 1 is a bullet", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAKeySentenceInBoilerplate()
    {
        var text = Valid.Replace("[other] Share this article", "[other] Share this article\n  K: Share this article", StringComparison.Ordinal);

        var error = Assert.Throws<CorpusFormatException>(() => CorpusArticleParser.Parse("t.txt", text));
        Assert.Equal(14, error.Issue.Line);
        Assert.Contains("other cannot hold key sentences", error.Message, StringComparison.Ordinal);
    }
}
