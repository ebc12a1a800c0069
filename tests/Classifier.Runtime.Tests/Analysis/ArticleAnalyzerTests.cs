using Classifier.Analysis;
using Classifier.Tests.Support;
using Classifier.Text;

namespace Classifier.Tests.Analysis;

public sealed class ArticleAnalyzerTests
{
    private static readonly string s_example = File.ReadAllText(SharedData.ExampleArticle);

    [Fact]
    public void Every_block_and_sentence_is_tagged_and_traceable_to_the_source()
    {
        var analysis = DefaultAnalyzer.Instance.Analyze(s_example);
        var labels = DefaultAnalyzer.Instance.TopicLabels;

        Assert.NotEmpty(analysis.Paragraphs);
        foreach (var paragraph in analysis.Paragraphs)
        {
            Assert.Equal(paragraph.Text, s_example.Substring(paragraph.Span.Start, paragraph.Span.Length));
            if (paragraph.Kind == BlockKind.Heading)
            {
                Assert.Null(paragraph.Topic);
                Assert.Empty(paragraph.TopicScores);
                continue;
            }

            Assert.Contains(paragraph.Topic, labels);
            Assert.Equal(labels.Order(), paragraph.TopicScores.Keys.Order());
            Assert.Equal(1.0, paragraph.TopicScores.Values.Sum(), 3);
            if (paragraph.IsBoilerplate)
                Assert.Equal("other", paragraph.Topic);
            foreach (var sentence in paragraph.Sentences)
            {
                Assert.Equal(sentence.Text, s_example.Substring(sentence.Span.Start, sentence.Span.Length));
                Assert.InRange(sentence.WesternScore, 0f, 1f);
                Assert.InRange(sentence.Salience, 0f, 1f);
                Assert.Equal(sentence.WesternScore >= DefaultAnalyzer.Instance.Manifest.Models["western"].Threshold && paragraph.Topic != "other", sentence.IsWestern);
            }
        }
    }

    [Fact]
    public void The_projects_example_article_is_tagged_as_its_content_says()
    {
        // docs/examples/gallium-recycling-2026.txt: a Western recycling project answering China's gallium export controls.
        var analysis = DefaultAnalyzer.Instance.Analyze(s_example);
        var substantive = analysis.Paragraphs.Where(p => p.Topic is not null && p.Topic != "other").ToList();

        Assert.True(substantive.Count >= 4);
        Assert.Contains(analysis.Sentences, s => s.IsWestern);
        Assert.Contains(analysis.Sentences, s => !s.IsWestern && s.Paragraph.Topic != "other");
        Assert.True(substantive.Select(p => p.Topic).Distinct().Count() >= 2, "an article of several kinds of paragraph gets more than one topic");
    }

    [Fact]
    public void Batch_analysis_gives_exactly_what_one_at_a_time_gives()
    {
        var texts = Articles().ToList();

        var batch = DefaultAnalyzer.Instance.AnalyzeMany(texts);
        var single = texts.Select(DefaultAnalyzer.Instance.Analyze).ToList();

        Assert.Equal(single.Select(a => JsonContract.Tag(a)), batch.Select(a => JsonContract.Tag(a)));
    }

    [Fact]
    public void One_analyzer_serves_many_threads_with_the_sequential_results()
    {
        var texts = Articles().ToList();
        var expected = texts.Select(t => JsonContract.Summary(DefaultAnalyzer.Instance.Summarize(t))).ToList();

        var results = new string[texts.Count * 8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            results[i] = JsonContract.Summary(DefaultAnalyzer.Instance.Summarize(texts[i % texts.Count])));

        for (var i = 0; i < results.Length; i++)
            Assert.Equal(expected[i % texts.Count], results[i]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  \n")]
    [InlineData("\0\u0001\u0002 binary \uFFFD\uFFFD")]
    public void Empty_or_junk_text_gives_an_empty_summary_not_an_error(string text)
    {
        var summary = DefaultAnalyzer.Instance.Summarize(text);

        Assert.Empty(summary.Highlights);
        Assert.Empty(summary.West);
        Assert.Empty(summary.KeyPoints);
    }

    [Theory]
    [InlineData("salience", "salience")]
    [InlineData("keysentence", "the salience model learned from a key-sentence model, but the bundle has no 'keysentence' model")]
    public void A_bundle_without_a_model_the_analyzer_needs_is_refused_with_the_folder_named(string removed, string message)
    {
        var folder = Directory.CreateTempSubdirectory("classifier-bundle-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(SharedData.Models, "*.zip"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var manifest = File.ReadAllText(Path.Combine(SharedData.Models, "manifest.json"));
            var json = System.Text.Json.Nodes.JsonNode.Parse(manifest)!;
            Assert.True(json["models"]!.AsObject().Remove(removed));
            File.WriteAllText(Path.Combine(folder, "manifest.json"), json.ToJsonString());

            var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(folder));

            Assert.Contains(folder, error.Message);
            Assert.Contains(message, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static IEnumerable<string> Articles()
    {
        yield return s_example;
        if (File.Exists(SharedData.SampleArticle))
            yield return File.ReadAllText(SharedData.SampleArticle);
        yield return "<html><body><h1>Lithium prices</h1><p>Albemarle said on Tuesday that lithium carbonate prices in China fell 12% in the quarter.</p><p>Share this article</p></body></html>";
        yield return "# Graphite\n\nChina's commerce ministry said export licences for spherical graphite would be required from December.\n\n- Washington called the step coercive.\n- Tokyo asked for talks.";
        yield return "A single line with no structure at all";
    }
}
