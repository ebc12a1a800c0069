using System.Text;
using Classifier.Text;
using CsCheck;

namespace Classifier.Tests.Text;

/// <summary>Whatever text arrives, the reader returns a well-formed document and never throws.</summary>
public sealed class ReaderPropertyTests
{
    // Characters that stress the parser: structure, punctuation, markup, controls and lone surrogates.
    private static readonly Gen<char> s_interestingChar = Gen.OneOf(
        Gen.Char['\0', '\u007f'],
        Gen.OneOf<char>('\n', '\r', '\t', ' ', ' ', '.', '!', '?', '…', '•', '-', '*', '#', '<', '>', '/', '"', '“', '”', '(', ')', '\u2028', '\u00a0', '\ud800', '\udc00', '\ufeff'),
        Gen.Char['a', 'z'],
        Gen.Char['A', 'Z']);

    private static readonly Gen<string> s_text = s_interestingChar.Array[0, 400].Select(chars => new string(chars));

    private static readonly Gen<string> s_markup = Gen.OneOf<string>(
        "<p>", "</p>", "<div>", "<li>", "<ul>", "<h2>", "</h2>", "<script>", "</script>", "<br>", "<!--", "-->", "<b", "&amp;", "&#x0;", "<table><tr><td>", "text. ", "More text! ")
        .Array[0, 60].Select(parts => string.Concat(parts));

    [Fact]
    public void NeverThrowsAndKeepsSpansWellFormedOnArbitraryText() =>
        s_text.Sample(text => AssertWellFormed(text, ArticleFormat.Auto), iter: 3000);

    [Fact]
    public void NeverThrowsOnMalformedHtml() =>
        s_markup.Sample(html => AssertWellFormed(html, ArticleFormat.Html), iter: 1000);

    [Fact]
    public void ReadsAOneMegabyteInput()
    {
        var builder = new StringBuilder();
        var random = new Random(7);
        while (builder.Length < 1 << 20)
        {
            builder.Append("Output rose ").Append(random.Next(100)).Append(".5% at Mt. Weld in Q3. ");
            if (random.Next(10) == 0)
                builder.Append("\n\n");
        }

        AssertWellFormed(builder.ToString(), ArticleFormat.PlainText);
        AssertWellFormed(new string('x', 1 << 20), ArticleFormat.PlainText);
    }

    [Fact]
    public void SurvivesDeeplyNestedHtml()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 20_000)) + "Deep text. Still deep." + string.Concat(Enumerable.Repeat("</span></div>", 20_000));
        var document = ArticleReader.Default.Read(html);
        Assert.Contains("Deep text.", document.Text, StringComparison.Ordinal);
    }

    private static void AssertWellFormed(string text, ArticleFormat format)
    {
        var document = new ArticleReader(new ReaderOptions { Format = format }).Read(text);
        var source = document.Text;
        var covered = new bool[source.Length];
        var previousEnd = 0;
        if (document.TitleSpan is { } title)
        {
            AssertInBounds(title, source);
            // The title's line (a Markdown title keeps its "#" marks outside the span) is the title's, not the body's.
            var lineStart = title.Start == 0 ? 0 : source.LastIndexOfAny(['\n', '\r'], title.Start - 1) + 1;
            Mark(covered, TextSpan.FromBounds(lineStart, title.End));
        }

        foreach (var block in document.Blocks)
        {
            AssertInBounds(block.Span, source);
            Assert.True(block.Span.Contains(block.ContentSpan), "content lies inside its block");
            Assert.True(block.Span.Start >= previousEnd, $"block {block.Index} starts at {block.Span.Start}, before {previousEnd}");
            Assert.True(block.Span.Length > 0);
            if (document.TitleSpan is { } titleSpan)
                Assert.True(block.Span.End <= titleSpan.Start || block.Span.Start >= titleSpan.End, "blocks never overlap the title");
            previousEnd = block.Span.End;
            Mark(covered, block.Span);

            var sentenceEnd = block.ContentSpan.Start;
            foreach (var sentence in block.Sentences)
            {
                Assert.True(block.ContentSpan.Contains(sentence.Span), "sentence lies inside its block");
                Assert.True(sentence.Span.Start >= sentenceEnd && sentence.Span.Length > 0);
                sentenceEnd = sentence.Span.End;
            }

            foreach (var artifact in block.Artifacts)
                Assert.True(block.ContentSpan.Contains(artifact));
        }

        // Every visible character of the body is in some block (for plain text, of the input itself).
        for (var i = 0; i < source.Length; i++)
        {
            if (!covered[i] && !char.IsWhiteSpace(source[i]))
                Assert.Fail($"character U+{(int)source[i]:X4} at {i} lies in no block");
        }
    }

    private static void AssertInBounds(TextSpan span, string source) =>
        Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= source.Length, $"span {span} outside 0..{source.Length}");

    private static void Mark(bool[] covered, TextSpan span) => Array.Fill(covered, true, span.Start, span.Length);
}
