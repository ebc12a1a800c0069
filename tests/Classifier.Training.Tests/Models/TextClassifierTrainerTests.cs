using Classifier.Training.Data;
using Classifier.Training.Models;

namespace Classifier.Tests.Models;

public sealed class TextClassifierTrainerTests
{
    // A tiny two-topic corpus: enough for two folds and a test split, small enough to train in a second.
    private static List<LabelledRow> Rows()
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
        new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["ngrams"], Trainers = ["sdca", "svm"], Folds = 2, Seed = 7 })
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

        Assert.Equal(["ngrams+sdca", "ngrams+svm"], result.Candidates.Select(c => $"{c.Featurizer}+{c.Trainer}"));
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
        var trainer = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["ngrams"], Trainers = ["svm"], Folds = 2 });

        var error = Assert.Throws<ArgumentException>(() => trainer.Train(rows, ["paragraph"]));
        Assert.StartsWith("label(s) 'markets' only in dev or test rows (2 of them)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainsTheLibrarysTfidfModelsDeterministically()
    {
        TextTrainingResult Run() => new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["lbfgs", "svm"], Folds = 2, Seed = 7 })
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

        var result = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["lbfgs"], Folds = 2, JoinInputs = join })
            .Train(rows, ["body", "headline"]);

        Assert.Equal(recorded, result.Model.Entry.Settings["inputs"]);
        Assert.Equal(2, result.Model.Predict(["the state set a quota", "a headline"]).Length);
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
