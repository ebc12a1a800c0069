using Classifier.Analysis;
using Classifier.Tests.Support;

namespace Classifier.Tests.Analysis;

/// <summary>The real published article in <c>../shared/samples</c>, checked against the labelling guide's worked example.</summary>
public sealed class SampleArticleAcceptanceTests
{
    private static ArticleSummary Summary()
    {
        var text = File.ReadAllText(SharedData.Require(SharedData.SampleArticle));
        return DefaultAnalyzer.Instance.Summarize(text);
    }

    private static IEnumerable<SummarySentence> Everything(ArticleSummary summary) =>
        summary.Highlights.Concat(summary.West).Concat(summary.KeyPoints.SelectMany(k => k.Sentences));

    [Fact]
    public void No_boilerplate_line_appears_in_any_section()
    {
        var summary = Summary();

        Assert.All(Everything(summary), s => Assert.DoesNotMatch("Spread the word|CATEGORIES|Leave a Reply|email address|Required fields", s.Text));
    }

    // The lede (salience 0.93) and the internationalisation sentence (0.79) come by salience; the risk-awareness sentence
    // (0.08) by the headline slot, as the only sentence outside the West section on the headline's "Risk Controls".
    [Fact]
    public void Highlights_include_the_internationalisation_strategy_and_the_risk_awareness_sentences()
    {
        var highlights = Summary().Highlights.Select(h => h.Text).ToList();

        Assert.Contains(highlights, h => h.Contains("doubled down on its internationalization strategy", StringComparison.Ordinal));
        Assert.Contains(highlights, h => h.Contains("heightened risk awareness, improved internal auditing", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_body_paragraph_is_the_west_section()
    {
        var summary = Summary();
        var last = summary.Analysis.Paragraphs.Last(p => p.Kind == Classifier.Text.BlockKind.Paragraph && !p.IsBoilerplate && p.Topic != "other");

        Assert.StartsWith("Shenghe is not just another", last.Text, StringComparison.Ordinal);
        Assert.Equal(3, last.Sentences.Count);
        Assert.All(last.Sentences, s => Assert.True(s.IsWestern, $"{s.WesternScore:F2}: {s.Text}"));
        Assert.Equal(last.Sentences.Select(s => s.Span.Start), summary.West.Select(s => s.Start));
    }

    [Fact]
    public void Paragraph_topics_agree_with_the_worked_example_in_at_least_six_of_seven()
    {
        // The worked example of ../shared/LABELS.md: first words of each substantive paragraph and its topic.
        (string Start, string Topic)[] expected =
        [
            ("Chinese rare earth producer Shenghe Resources outlined", "strategy"),
            ("From July 24", "governance"),
            ("Shenghe leadership declared", "strategy"),
            ("Chairman Xie Bing delivered", "governance"),
            ("The company also conducted", "governance"),
            ("Shenghe is not just another", "geopolitics"),
            ("Spread the word", "other"),
        ];
        var paragraphs = Summary().Analysis.Paragraphs;

        var agreeing = expected.Count(e => paragraphs.Single(p => p.Text.StartsWith(e.Start, StringComparison.Ordinal)).Topic == e.Topic);
        var found = string.Join("; ", expected.Select(e => $"{e.Start}: {paragraphs.Single(p => p.Text.StartsWith(e.Start, StringComparison.Ordinal)).Topic}"));

        Assert.True(agreeing >= 6, $"{agreeing} of 7 agree: {found}");
    }
}
