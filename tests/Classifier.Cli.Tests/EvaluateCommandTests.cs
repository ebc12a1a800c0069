using System.Text.Json;
using Classifier.Training.Corpus;

namespace Classifier.Cli.Tests;

/// <summary><c>classifier evaluate --data FOLDER</c> on a labelled corpus: every model the bundle has is scored on the test
/// split, and the highlights are scored against the editors' key sentences where the corpus marks them.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_committed_corpus_scores_the_key_sentence_model_and_the_highlights_key_sentences()
    {
        var result = InProcessCli.Run("evaluate", "--models", SharedData.Models, "--data", Corpus(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var classification = json.RootElement.GetProperty("classification");
        Assert.True(classification.TryGetProperty("keysentence", out _), result.Stdout);
        var corpus = json.RootElement.GetProperty("summaries").GetProperty("corpus");
        // Three key sentences per test article: the share moves in steps of one over their number.
        var keys = 3 * TestArticles(Corpus());
        var keyRecall = corpus.GetProperty("keyRecall").GetDouble();
        Assert.InRange(keyRecall, 1.0 / keys, 1.0);
        // The JSON gives four decimals: a whole number of hits, to within that rounding.
        Assert.InRange(keyRecall * keys - Math.Round(keyRecall * keys), -0.05, 0.05);
    }

    [Fact]
    public void A_corpus_without_key_sentences_scores_neither_the_key_sentence_model_nor_key_sentences()
    {
        var data = Path.Combine(_folder.Path, "no-keys");
        Directory.CreateDirectory(Path.Combine(data, "articles"));
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus(), "articles"), "*.txt"))
        {
            var lines = File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("K:", StringComparison.Ordinal));
            File.WriteAllLines(Path.Combine(data, "articles", Path.GetFileName(file)), lines);
        }

        var json = InProcessCli.Run("evaluate", "--models", SharedData.Models, "--data", data, "--format", "json");
        var markdown = InProcessCli.Run("evaluate", "--models", SharedData.Models, "--data", data);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var classification = document.RootElement.GetProperty("classification");
        Assert.True(classification.TryGetProperty("topic", out _));
        Assert.False(classification.TryGetProperty("keysentence", out _), "scored against all-negative labels");
        Assert.False(document.RootElement.GetProperty("summaries").GetProperty("corpus").TryGetProperty("keyRecall", out _));
        Assert.Equal(0, markdown.ExitCode);
        var articles = TestArticles(data);
        Assert.Contains($"| corpus | {articles} |", markdown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("## keysentence", markdown.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"\| corpus \| {articles} \|[^\n]*\| – \|", markdown.Stdout);
    }

    private static string Corpus() => Path.Combine(SharedData.RepositoryRoot, "training-data");

    private static int TestArticles(string corpus) => TrainingCorpus.Load(corpus).Articles.Count(a => a.Split == "test");
}
