using System.Reflection;
using Classifier.Models;
using Classifier.Tests.Support;
using Classifier.Training.Corpus;
using Microsoft.ML;

namespace Classifier.Training.Tests.Models;

/// <summary>The bundle committed in <c>models/</c> must be trained on the committed corpus and meet the quality floors.</summary>
public sealed class CommittedBundleTests
{
    private static readonly string s_models = Path.Combine(SharedData.RepositoryRoot, "models");

    private static ModelManifest Manifest()
    {
        var path = Path.Combine(s_models, ModelManifest.FileName);
        using var stream = File.OpenRead(path);
        return ModelManifest.Read(stream, path);
    }

    [Fact]
    public void The_models_are_trained_on_the_committed_corpus()
    {
        var current = TrainingCorpus.ComputeDataHash(Path.Combine(SharedData.RepositoryRoot, "training-data"));

        Assert.True(Manifest().DataHash == current,
            $"models/ is stale: its manifest says data {Manifest().DataHash}, training-data/ hashes to {current}. Retrain with the command in README.md.");
    }

    [Theory]
    [InlineData("topic", "macroF1", 0.80)]
    [InlineData("western", "f1", 0.80)]
    public void Test_split_metrics_meet_the_floor(string model, string metric, double floor)
    {
        var metrics = Manifest().Models[model].Metrics;

        Assert.True(metrics.ContainsKey(metric), $"{model} has no {metric} in the manifest");
        Assert.True(metrics[metric] >= floor, $"{model} {metric} {metrics[metric]:F4} is under the floor {floor}");
    }

    [Fact]
    public void The_manifest_describes_every_model_it_ships()
    {
        var manifest = Manifest();

        Assert.Equal(["keysentence", "salience", "topic", "western"], manifest.Models.Keys.Order());
        Assert.All(manifest.Models.Values, m => Assert.True(File.Exists(Path.Combine(s_models, m.File)), m.File));
        Assert.Equal(typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0], manifest.MlNetVersion);
        Assert.Equal(["geopolitics", "governance", "operations", "other", "strategy"], manifest.Models["topic"].Labels);
        Assert.Equal(["0", "1"], manifest.Models["western"].Labels);
        Assert.Equal(["0", "1"], manifest.Models["keysentence"].Labels);
        Assert.Contains("keyProbability", manifest.Models["salience"].Inputs);
        Assert.Contains(manifest.Models["salience"].Metrics.Keys, k => k.StartsWith("corpus.rouge", StringComparison.Ordinal));
        // The corpus marks key sentences, so the report says how many of them the highlights hold.
        Assert.InRange(manifest.Models["salience"].Metrics["corpus.keyRecall"], 0.0, 1.0);
        Assert.NotEqual(Calibration.None, manifest.Models["topic"].Calibration);
        Assert.NotEqual(Calibration.None, manifest.Models["western"].Calibration);
    }
}
