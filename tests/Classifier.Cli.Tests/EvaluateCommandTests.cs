using System.Text.Json;

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
        // 51 test articles with 3 key sentences each: the share moves in steps of 1/153.
        var keyRecall = corpus.GetProperty("keyRecall").GetDouble();
        Assert.InRange(keyRecall, 1 / 153.0, 1.0);
        Assert.Equal(0, Math.Round(keyRecall * 153, 2) % 1);
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
        Assert.Contains("| corpus | 51 |", markdown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("## keysentence", markdown.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\| corpus \| 51 \|[^\n]*\| – \|", markdown.Stdout);
    }

    private static string Corpus() => Path.Combine(SharedData.RepositoryRoot, "training-data");
}
