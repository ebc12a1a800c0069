using System.Text.Json;
using Classifier.Models;
using Classifier.Training.Data;
using Classifier.Training.Models;

namespace Classifier.Tests.Models;

public sealed class TextClassifierTrainerTests
{
    // A tiny two-topic corpus: enough for two folds and a test split, small enough to train in a second.
    internal static List<LabelledRow> Rows()
    {
        string[] mining = ["output rose at the mine", "the smelter restarted its furnace", "ore grades fell this quarter", "the plant cut costs", "production hit a record", "the refinery ran at capacity", "shipments of concentrate rose", "the mill processed more ore"];
        string[] policy = ["the ministry banned exports", "tariffs were raised on imports", "the government screened the deal", "sanctions hit the supplier", "the state set a quota", "export licences were tightened", "a trade dispute escalated", "the embassy protested the ban"];
        var rows = new List<LabelledRow>();
        for (var i = 0; i < mining.Length; i++)
        {
            var split = i < 6 ? "train" : "test";
            rows.Add(new LabelledRow([mining[i]], "operations", split, $"m{i / 2}", i));
            rows.Add(new LabelledRow([policy[i]], "geopolitics", split, $"p{i / 2}", i));
        }

        return rows;
    }

    private static TextTrainingResult Train() =>
        new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["ngrams"], Trainers = ["sdca", "svm:l2=3e-4"], Folds = 2, Seed = 7 })
            .Train(Rows(), ["paragraph"]);

    [Fact]
    public void GivesTheSameMetricsForTheSameDataAndSeed()
    {
        var first = Train();
        var second = Train();

        Assert.Equal(first.Candidates.Select(c => c.FoldMacroF1), second.Candidates.Select(c => c.FoldMacroF1));
        Assert.Equal(first.Model.Entry.Metrics, second.Model.Entry.Metrics);
        Assert.Equal(first.Model.Entry.Calibration, second.Model.Entry.Calibration);
    }

    [Fact]
    public void ReportsEveryCandidateAndCalibratedProbabilitiesThatSumToOne()
    {
        var result = Train();

        Assert.Equal(["ngrams+sdca", "ngrams+svm:l2=3e-4"], result.Candidates.Select(c => c.Name));
        Assert.All(result.Candidates, c => Assert.Equal(2, c.FoldMacroF1.Count));
        Assert.Equal(4, result.TestRows);
        var probabilities = result.Model.Predict(["the state banned exports of ore"]);
        Assert.Equal(1.0, probabilities.Sum(), 3);
        Assert.Equal(["geopolitics", "operations"], result.Model.Labels);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("dev")]
    public void RefusesALabelWithoutTrainingRows(string split)
    {
        // As when a separate --test file holds a label the training file does not.
        List<LabelledRow> rows = [.. Rows(), new LabelledRow(["the central bank cut rates"], "markets", split, null, 99), new LabelledRow(["bond yields fell"], "markets", split, null, 100)];
        var trainer = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["ngrams"], Trainers = ["perceptron"], Folds = 2 });

        var error = Assert.Throws<ArgumentException>(() => trainer.Train(rows, ["paragraph"]));
        Assert.StartsWith("label(s) 'markets' only in dev or test rows (2 of them)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainsTheLibrarysTfidfModelsDeterministically()
    {
        TextTrainingResult Run() => new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["lbfgs", "svm:l2=3e-4"], Folds = 2, Seed = 7 })
            .Train(Rows(), ["paragraph"]);

        var first = Run();
        var second = Run();

        Assert.Equal(first.Candidates.Select(c => c.FoldMacroF1), second.Candidates.Select(c => c.FoldMacroF1));
        Assert.Equal(first.Model.Entry.Metrics, second.Model.Entry.Metrics);
        Assert.Equal("tfidf", first.Model.Entry.Featurizer);
        Assert.Equal(first.Model.Predict(["the ministry banned exports"]), second.Model.Predict(["the ministry banned exports"]));
        Assert.InRange(first.Model.Entry.Calibration.A, 0, double.MaxValue);
    }

    [Theory]
    [InlineData(true, "joined (one vocabulary)")]
    [InlineData(false, "separate")]
    public void RecordsWhetherSeveralTextInputsWereJoined(bool join, string recorded)
    {
        var rows = Rows().Select(r => r with { Texts = [r.Texts[0], "a headline"] }).ToList();

        var result = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["perceptron"], Folds = 2, JoinInputs = join })
            .Train(rows, ["body", "headline"]);

        Assert.Equal(recorded, result.Model.Entry.Settings["inputs"]);
        Assert.Equal(2, result.Model.Predict(["the state set a quota", "a headline"]).Length);
    }

    // Three penalties of the SVM, one of maximum entropy and a trainer without one: every candidate is cross-validated and reported.
    private static TextTrainingResult TrainGrid(int parallelFolds = 2) =>
        new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["svm:l2=1e-4/1e-2/1", "lbfgs:l2=3e-4", "perceptron"], Folds = 3, Seed = 5, MaxParallelFolds = parallelFolds })
            .Train(Rows(), ["paragraph"]);

    [Fact]
    public void CrossValidatesEveryPenaltyOfTheGridAndReportsIt()
    {
        var result = TrainGrid();

        Assert.Equal(["tfidf+svm:l2=1e-4", "tfidf+svm:l2=1e-2", "tfidf+svm:l2=1e0", "tfidf+lbfgs:l2=3e-4", "tfidf+perceptron"], result.Candidates.Select(c => c.Name));
        Assert.Equal([1e-4, 1e-2, 1, 3e-4, null], result.Candidates.Select(c => c.L2));
        Assert.All(result.Candidates, c => Assert.Equal(3, c.FoldMacroF1.Count));

        var markdown = TrainingReport.ToMarkdown("topic", result);
        Assert.Contains("| featurizer | trainer | L2 | macro-F1 mean |", markdown, StringComparison.Ordinal);
        foreach (var (l2, candidate) in new[] { "1e-4", "1e-2", "1e0", "3e-4", "" }.Zip(result.Candidates))
            Assert.Contains($"| tfidf | {candidate.Trainer} | {l2} | {candidate.Mean:F4} |", markdown, StringComparison.Ordinal);
        Assert.Contains($"(`{result.Best.Name}`, mean macro-F1", markdown, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(TrainingReport.ToJson(new Dictionary<string, TextTrainingResult> { ["topic"] = result }));
        var candidates = json.RootElement.GetProperty("topic").GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(result.Candidates.Select(c => c.Name), candidates.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([1e-4, 1e-2, 1, 3e-4], candidates.Take(4).Select(c => c.GetProperty("l2").GetDouble()));
        Assert.Equal(JsonValueKind.Null, candidates[4].GetProperty("l2").ValueKind);
        Assert.Equal(result.Best.Name, json.RootElement.GetProperty("topic").GetProperty("chosen").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(new[] { "svm:l2=2.5e-4" }, "tfidf+svm:l2=2.5e-4")]
    [InlineData(new[] { "lbfgs:l2=7e-4" }, "tfidf+lbfgs:l2=7e-4")]
    [InlineData(new[] { "svm:l2=10/2e-4", "lbfgs:l2=10" }, "tfidf+svm:l2=1e1, tfidf+svm:l2=2e-4, tfidf+lbfgs:l2=1e1")]
    public void TheChosenPenaltyLandsInTheManifest(string[] trainers, string candidates)
    {
        var result = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = trainers, Folds = 2, Seed = 7 })
            .Train(Rows(), ["paragraph"]);

        var folder = Directory.CreateTempSubdirectory("classifier-training-");
        ModelEntry entry;
        try
        {
            var manifest = new ModelManifest { Models = new() { ["topic"] = result.Model.Entry with { File = "topic.zip" } } };
            BundleWriter.Write(folder.FullName, manifest, new Dictionary<string, Action<Stream>> { ["topic.zip"] = result.Model.Save });
            var path = Path.Combine(folder.FullName, ModelManifest.FileName);
            using var stream = File.OpenRead(path);
            entry = ModelManifest.Read(stream, path).Models["topic"];
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.Equal(result.Best.Trainer, entry.Trainer);
        Assert.Equal(TrainerSpec.FormatL2(result.Best.L2!.Value), entry.Settings["l2"]);
        Assert.Equal(candidates, entry.Settings["candidates"]);
        if (trainers.Length == 1)
            Assert.Equal(trainers[0], $"{entry.Trainer}:l2={entry.Settings["l2"]}");
    }

    [Fact]
    public void ACandidateWithoutAPenaltyPutsNoneInTheManifest()
    {
        var result = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["perceptron"], Folds = 2 }).Train(Rows(), ["paragraph"]);

        Assert.False(result.Model.Entry.Settings.ContainsKey("l2"));
    }

    [Fact]
    public void FoldsInParallelGiveWhatFoldsOneByOneGive()
    {
        var parallel = TrainGrid(parallelFolds: 3);
        var again = TrainGrid(parallelFolds: 3);
        var sequential = TrainGrid(parallelFolds: 1);

        foreach (var other in new[] { again, sequential })
        {
            Assert.Equal(parallel.Candidates.Select(c => (c.Name, c.FoldMacroF1)), other.Candidates.Select(c => (c.Name, c.FoldMacroF1)));
            Assert.Equal(parallel.Model.Entry.Metrics, other.Model.Entry.Metrics);
            Assert.Equal(parallel.Model.Entry.Calibration, other.Model.Entry.Calibration);
            Assert.Equal(parallel.Model.Predict(["the ministry banned exports"]), other.Model.Predict(["the ministry banned exports"]));
        }
    }

    [Fact]
    public void KeepsRowsOfOneGroupInOneFoldAndStratifiesLabels()
    {
        var rows = Rows().Where(r => r.Split == "train").ToList();
        var folds = TextClassifierTrainer.AssignFolds(rows, new Dictionary<string, int> { ["geopolitics"] = 0, ["operations"] = 1 }, 2, 3);

        foreach (var group in rows.Select((r, i) => (r.Group, Fold: folds[i])).GroupBy(g => g.Group))
            Assert.Single(group.Select(g => g.Fold).Distinct());
        foreach (var label in new[] { "geopolitics", "operations" })
            Assert.Equal(2, rows.Select((r, i) => (r.Label, Fold: folds[i])).Where(x => x.Label == label).Select(x => x.Fold).Distinct().Count());
    }
}
