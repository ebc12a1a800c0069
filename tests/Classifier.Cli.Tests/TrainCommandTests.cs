using Classifier.Analysis;

namespace Classifier.Cli.Tests;

/// <summary><c>classifier train --bundle --salience-only</c>: a new salience model beside the topic and Western models of an
/// existing bundle; and <c>--trainers</c>: a bad trainer spec fails as the command line is parsed, before any data is read.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Salience_only_keeps_the_text_models_byte_for_byte_and_writes_a_bundle_that_loads()
    {
        var output = Path.Combine(_folder.Path, "bundle");
        var data = Path.Combine(SharedData.RepositoryRoot, "training-data");

        var result = InProcessCli.Run("train", "--bundle", data, "--salience-only", SharedData.Models, "--corpus-weight", "2", "--output", output);

        Assert.Equal(0, result.ExitCode);
        var manifest = File.ReadAllText(Path.Combine(output, "manifest.json"));
        Assert.Contains("\"primaryWeight\": \"2\"", manifest, StringComparison.Ordinal);
        // The key-sentence model is retrained with it: the salience model learns from its out-of-fold probabilities.
        Assert.Contains("\"keySentences\": \"read\"", manifest, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "keysentence.zip")));
        foreach (var file in new[] { "topic.zip", "western.zip" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(SharedData.Models, file)), File.ReadAllBytes(Path.Combine(output, file)));
        Assert.NotEmpty(ArticleAnalyzer.Load(output).Summarize("Lithium prices fell.\n\nThe company cut output at its mine in Nevada.").Highlights);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public void A_corpus_weight_that_is_not_positive_is_refused_before_any_training(string weight)
    {
        var data = Path.Combine(SharedData.RepositoryRoot, "training-data");

        var result = InProcessCli.Run("train", "--bundle", data, "--salience-only", SharedData.Models, "--corpus-weight", weight, "--output", Path.Combine(_folder.Path, "out"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")));
    }

    [Fact]
    public void Salience_only_refuses_a_bundle_trained_on_other_data()
    {
        var source = _folder.CopyBundle("stale");
        var manifest = Path.Combine(source, "manifest.json");
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(manifest), "\"dataHash\": \"[^\"]*\"", "\"dataHash\": \"0000\""));
        var data = Path.Combine(SharedData.RepositoryRoot, "training-data");

        var result = InProcessCli.Run("train", "--bundle", data, "--salience-only", source, "--output", Path.Combine(_folder.Path, "out"));

        // train reports on the process's stderr, which the in-process runner does not capture; the exit code and the missing
        // output say enough.
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")));
    }

    [Theory]
    [InlineData("svm:l2=abc", "classifier: --trainers: 'svm:l2=abc': the L2 penalty 'abc' is not a positive number; expected for example svm:l2=2e-4.")]
    [InlineData("lbfgs,perceptron:l2=1e-3", "classifier: --trainers: 'perceptron:l2=1e-3': trainer 'perceptron' takes no settings; only svm, lbfgs take l2=VALUE.")]
    [InlineData("svm,forest", "classifier: --trainers: unknown trainer 'forest' in 'forest'; expected one of sdca, lbfgs, svm, perceptron, fasttree.")]
    public void A_bad_trainer_spec_is_refused_naming_the_option(string trainers, string message)
    {
        var result = InProcessCli.Run("train", "--data", "no-such-file.csv", "--text", "Text", "--label", "Label", "--trainers", trainers);

        result.AssertFailure(message);
    }
}
