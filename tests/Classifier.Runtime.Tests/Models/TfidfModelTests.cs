using System.IO.Compression;
using Classifier.Models;
using Microsoft.ML;

namespace Classifier.Tests.Models;

/// <summary>Models over this library's tf-idf vectors: scored from their weights, saved with their vocabulary.</summary>
public sealed class TfidfModelTests
{
    private static readonly (string[] Texts, string Label)[] s_rows =
    [
        (["Beijing tightens gallium export licences", "The commerce ministry named new controls."], "geopolitics"),
        (["Tariffs on Chinese graphite rise", "Washington raised duties on anode material."], "geopolitics"),
        (["Sanctions hit a cobalt trader", "The Treasury listed the firm on Tuesday."], "geopolitics"),
        (["Smelter restarts second furnace", "Output should reach capacity by March."], "operations"),
        (["Mine ships record concentrate", "Throughput rose as the new mill ran."], "operations"),
        (["Refinery cuts costs per tonne", "Recoveries improved after the upgrade."], "operations"),
    ];

    private static (MLContext Ml, ITransformer Model, TfidfFeaturizer Featurizer) Train(string trainer)
    {
        var ml = new MLContext(3);
        var featurizer = TfidfFeaturizer.Fit([.. s_rows.Select(r => (IReadOnlyList<string>)r.Texts)], slots: 2, joinInputs: false);
        var data = ml.Data.LoadFromEnumerable(
            s_rows.Select(r => new VectorModelInput { Features = featurizer.Featurize(r.Texts).ToVBuffer(featurizer.Dimension), Label = r.Label }).ToList(),
            VectorModelInput.Schema(featurizer.Dimension));
        var keys = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label");
        IEstimator<ITransformer> learner = trainer == "lbfgs"
            ? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("LabelKey", "Features", l1Regularization: 0, l2Regularization: 3e-4f)
            : ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AveragedPerceptron("LabelKey", "Features"), "LabelKey");
        return (ml, keys.Append(learner).Fit(data), featurizer);
    }

    private static ModelEntry Entry(string trainer) => new()
    {
        Task = "multiclass",
        Labels = ["geopolitics", "operations"],
        Inputs = ["headline", "body"],
        Featurizer = "tfidf",
        Trainer = trainer,
    };

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("perceptron")]
    public void ScoresFromTheWeightsWhatThePredictionEngineScores(string trainer)
    {
        var (ml, model, featurizer) = Train(trainer);
        var classifier = TextClassifier.Create(ml, model, Entry(trainer), featurizer);
        Assert.True(classifier.ScoresFromWeights);
        var engine = ml.Model.CreatePredictionEngine<VectorModelInput, TextModelOutput>(model, inputSchemaDefinition: VectorModelInput.Schema(featurizer.Dimension));

        string[][] probes = [["China curbs gallium exports", "The ministry named controls."], ["The mill ran at record output", ""], ["", ""]];
        foreach (var probe in probes)
        {
            var raw = engine.Predict(new VectorModelInput { Features = featurizer.Featurize(probe).ToVBuffer(featurizer.Dimension) }).Score;
            var expected = raw.Select(p => p / raw.Sum()).ToArray();
            var actual = classifier.Predict(probe);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
                Assert.Equal(expected[i], actual[i], 5);
        }

        var operations = classifier.Predict(["Smelter restarts furnace", "Output should reach capacity."])[1];
        var geopolitics = classifier.Predict(["Beijing tightens export licences", "The ministry named controls."])[1];
        Assert.True(operations > geopolitics, $"P(operations) {operations} for an operations row, {geopolitics} for a geopolitics row");
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("perceptron")]
    public void RoundTripsThroughItsZipWithTheVocabularyInside(string trainer)
    {
        var (ml, model, featurizer) = Train(trainer);
        var classifier = TextClassifier.Create(ml, model, Entry(trainer), featurizer);
        using var zip = new MemoryStream();
        classifier.Save(zip);
        zip.Position = 0;

        var loaded = TextClassifier.Load(new MLContext(3), zip, Entry(trainer), "topic.zip");

        IReadOnlyList<string>[] rows = [["Gallium licences tightened", "Beijing acted."], ["Gallium licences tightened", "Output rose."], ["Record output", "Output rose."]];
        Assert.Equal(rows.Select(classifier.Predict), loaded.PredictBatch(rows));
        Assert.Equal(rows.Select(loaded.Predict), loaded.PredictBatch(rows));
    }

    [Fact]
    public void RefusesAZipWithoutItsVocabulary()
    {
        var (ml, model, featurizer) = Train("lbfgs");
        using var zip = new MemoryStream();
        TextClassifier.Create(ml, model, Entry("lbfgs"), featurizer).Save(zip);
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Update, leaveOpen: true))
            archive.GetEntry("Classifier/tfidf.bin")!.Delete();
        zip.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MLContext(3), zip, Entry("lbfgs"), "models/topic.zip"));

        Assert.Contains("models/topic.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("Classifier/tfidf.bin", error.Message, StringComparison.Ordinal);
    }
}
