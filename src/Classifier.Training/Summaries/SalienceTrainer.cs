using System.Diagnostics;
using System.Globalization;
using Classifier.Analysis;
using Classifier.Models;
using Classifier.Training.Evaluation;
using Classifier.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Classifier.Training.Summaries;

/// <summary>What <see cref="SalienceTrainer"/> does.</summary>
public sealed record SalienceTrainingOptions
{
    /// <summary>Seed of the trainer.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Boosted trees.</summary>
    public int Trees { get; init; } = 300;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 16;

    /// <summary>Fewest training sentences in a leaf.</summary>
    public int MinimumLeafCount { get; init; } = 20;

    /// <summary>How much each article of the primary source counts against one of an added benchmark: the project's
    /// corpus is small but is the domain the model serves, so its articles weigh more.</summary>
    public float PrimaryWeight { get; init; } = 5;

    /// <summary>The primary source's name (see <see cref="SummaryArticle.Source"/>).</summary>
    public string PrimarySource { get; init; } = "corpus";

    /// <summary>Whether articles with key sentences (the corpus's <c>K:</c> lines) learn from them; otherwise every article
    /// learns from the greedy ROUGE oracle against its reference.</summary>
    public bool UseKeySentences { get; init; } = true;

    /// <summary>Highlights scored against a reference when the data gives none (the corpus's three).</summary>
    public int DefaultHighlights { get; init; } = 3;
}

/// <summary>How the salience model did on one test set.</summary>
/// <param name="Source">The test set.</param>
/// <param name="Articles">Articles scored.</param>
/// <param name="Rouge">Mean ROUGE-1/2/L F1 (percent) of the summaries' highlights against the references.</param>
/// <param name="Oracle">The same for the greedy oracle over the same candidate sentences: the ceiling.</param>
/// <param name="KeyRecall">The share of the articles' key sentences among their highlights (see
/// <see cref="SummaryEvaluator.KeyRecall"/>); null when the test set marks none.</param>
public sealed record SalienceTestResult(string Source, int Articles, RougeScores Rouge, RougeScores Oracle, double? KeyRecall);

/// <summary>What salience training produced.</summary>
public sealed record SalienceTrainingResult(ModelEntry Entry, Action<Stream> Save, int TrainArticles, int TrainSentences, int Positives, IReadOnlyList<SalienceTestResult> Tests, double Seconds);

/// <summary>Trains the salience model: a FastTree binary classifier over the features the runtime computes, whose positives are
/// an article's key sentences where it marks them (the corpus), else the sentences the greedy ROUGE oracle picks against its
/// reference summary.</summary>
public sealed class SalienceTrainer(SalienceTrainingOptions options, IProgress<string>? progress = null)
{
    /// <summary>Trains on <paramref name="train"/> and scores highlights on each test set.</summary>
    /// <param name="topic">The topic model whose probabilities are features.</param>
    /// <param name="western">The Western model whose probabilities are features.</param>
    /// <param name="key">The key-sentence model (trained on <see cref="CorpusRows.Key"/>) whose probabilities are features, or
    /// null (the feature is then 0). For its own training sentences the feature takes the out-of-fold probability instead of
    /// the final model's in-sample one, which would teach the salience model to trust the feature more than it deserves on
    /// new articles.</param>
    /// <param name="train">Articles to learn from.</param>
    /// <param name="tests">Test sets by name; each article's highlights count is its reference's length.</param>
    public SalienceTrainingResult Train(TextClassifier topic, TextClassifier western, TextTrainingResult? key,
        IReadOnlyList<SummaryArticle> train, IReadOnlyDictionary<string, IReadOnlyList<SummaryArticle>> tests)
    {
        var tagger = ArticleAnalyzer.ForTraining(topic, western, key?.Model);
        var keyOutOfFold = key is null ? null : OutOfFoldBySentence(key);
        var keyFeature = SalienceFeatures.Names.ToList().IndexOf("keyProbability");
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(tests);
        var watch = Stopwatch.StartNew();
        var reader = new Text.ArticleReader(tagger.Options.Reader);

        progress?.Report($"salience: features and oracle labels for {train.Count} articles");
        var rows = train.AsParallel().AsOrdered().SelectMany(article =>
        {
            var (_, candidates, features) = tagger.AnalyzeForTraining(reader.Read(article.Text));
            var pool = Pool(candidates);
            var chosen = options.UseKeySentences && article.KeySentences.Count > 0
                ? KeyLabels(article, pool, candidates)
                : Rouge.GreedyOracle([.. pool.Select(i => candidates[i].Sentence.Text)], article.Reference, Math.Max(article.Reference.Count, 1))
                    .Select(i => pool[i]).ToHashSet();
            if (keyOutOfFold is not null && article.Source == options.PrimarySource)
            {
                foreach (var i in pool)
                {
                    if (keyOutOfFold.TryGetValue((article.Id, Text.WhiteSpace.Collapse(candidates[i].Sentence.Text)), out var p))
                        features[i][keyFeature] = p;
                }
            }

            var weight = article.Source == options.PrimarySource ? options.PrimaryWeight : 1f;
            return pool.Select(i => new WeightedSalienceRow { Features = features[i], Label = chosen.Contains(i), Weight = weight });
        }).ToList();

        progress?.Report($"salience: FastTree on {rows.Count} sentences ({rows.Count(r => r.Label)} positive)");
        var ml = new MLContext(options.Seed);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(SalienceRow.Label),
            FeatureColumnName = nameof(SalienceRow.Features),
            ExampleWeightColumnName = nameof(WeightedSalienceRow.Weight),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumLeafCount,
            LearningRate = 0.1,
            // One thread: boosting is then bit-for-bit repeatable for a seed.
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(rows));

        var entry = new ModelEntry
        {
            Task = "salience",
            Labels = ["0", "1"],
            Inputs = [.. SalienceFeatures.Names],
            Featurizer = "features",
            Trainer = "fasttree",
            Settings = new Dictionary<string, string>
            {
                ["trees"] = options.Trees.ToString(CultureInfo.InvariantCulture),
                ["leaves"] = options.Leaves.ToString(CultureInfo.InvariantCulture),
                ["minimumLeafCount"] = options.MinimumLeafCount.ToString(CultureInfo.InvariantCulture),
                ["primaryWeight"] = options.PrimaryWeight.ToString(CultureInfo.InvariantCulture),
                [SalienceModel.KeySentencesSetting] = key is null ? "none" : SalienceModel.KeySentencesRead,
                ["labels"] = options.UseKeySentences && train.Any(a => a.KeySentences.Count > 0)
                    ? "the editors' key sentences where an article has them (the corpus), else the greedy ROUGE-1+2 oracle against the reference summary"
                    : "greedy ROUGE-1+2 oracle against the reference summary, over the candidate sentences",
                ["trainedOn"] = string.Join(", ", train.GroupBy(a => a.Source).Select(g => $"{g.Key}: {g.Count()} articles")),
            },
        };
        var salience = SalienceModel.Create(ml, model, entry);
        var scorer = tagger.WithSalience(salience);

        var results = new List<SalienceTestResult>();
        foreach (var (name, articles) in tests)
        {
            progress?.Report($"salience: scoring highlights on {name} ({articles.Count} articles)");
            var result = Score(scorer, reader, name, articles);
            results.Add(result);
            entry.Metrics[$"{name}.rouge1"] = Math.Round(result.Rouge.Rouge1, 2);
            entry.Metrics[$"{name}.rouge2"] = Math.Round(result.Rouge.Rouge2, 2);
            entry.Metrics[$"{name}.rougeL"] = Math.Round(result.Rouge.RougeL, 2);
            if (result.KeyRecall is { } keyRecall)
                entry.Metrics[$"{name}.keyRecall"] = Math.Round(keyRecall, 4);
        }

        return new SalienceTrainingResult(entry, salience.Save, train.Count, rows.Count, rows.Count(r => r.Label), results, watch.Elapsed.TotalSeconds);
    }

    // Mean ROUGE of the highlights the analyzer picks (as many as each reference has sentences), beside the oracle's, and the
    // share of key sentences they hold.
    private static SalienceTestResult Score(ArticleAnalyzer analyzer, Text.ArticleReader reader, string name, IReadOnlyList<SummaryArticle> articles)
    {
        var system = SummaryEvaluator.Score(analyzer, articles);
        var oracle = articles.AsParallel().AsOrdered().Select(article =>
        {
            var (_, candidates, _) = analyzer.AnalyzeForTraining(reader.Read(article.Text));
            var pool = Pool(candidates).Select(i => candidates[i].Sentence.Text).ToList();
            var picked = Rouge.GreedyOracle(pool, article.Reference, Math.Max(article.Reference.Count, 1)).Select(i => pool[i]).ToList();
            return Rouge.Score(picked, article.Reference);
        }).ToList();
        return new SalienceTestResult(name, articles.Count, Rouge.Mean(system.Select(s => s.Scores)), Rouge.Mean(oracle), SummaryEvaluator.KeyRecall(system));
    }

    private sealed class WeightedSalienceRow
    {
        [Microsoft.ML.Data.VectorType(SalienceFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }

    // The key model's out-of-fold probability of each of its training sentences, by article id (the rows' group) and text.
    private static Dictionary<(string Article, string Sentence), float> OutOfFoldBySentence(TextTrainingResult key)
    {
        var slot = key.Model.Entry.Inputs.ToList().IndexOf(ModelInputs.Sentence);
        return key.OutOfFold
            .GroupBy(r => (r.Row.Group ?? "", Text.WhiteSpace.Collapse(r.Row.Texts[slot])))
            .ToDictionary(g => g.Key, g => g.First().Probabilities[1]);
    }

    // The candidates that are the article's key sentences. The reader of training and of the corpus is the same, so every
    // key sentence is a candidate unless the topic model calls its paragraph other; those are left out, as at run time.
    private static HashSet<int> KeyLabels(SummaryArticle article, List<int> pool, IReadOnlyList<SalienceFeatures.Candidate> candidates)
    {
        var keys = article.KeySentenceSet();
        return [.. pool.Where(i => keys.Contains(Text.WhiteSpace.Collapse(candidates[i].Sentence.Text)))];
    }

    // The sentences highlights are drawn from: paragraph sentences, or every candidate when the article has no paragraphs.
    private static List<int> Pool(IReadOnlyList<SalienceFeatures.Candidate> candidates)
    {
        var paragraphs = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].Block.Kind == Text.BlockKind.Paragraph).ToList();
        return paragraphs.Count > 0 ? paragraphs : [.. Enumerable.Range(0, candidates.Count)];
    }
}
