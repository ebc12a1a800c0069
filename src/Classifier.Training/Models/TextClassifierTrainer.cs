using System.Diagnostics;
using System.Globalization;
using Classifier.Models;
using Classifier.Text;
using Classifier.Training.Data;
using Classifier.Training.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Classifier.Training.Models;

/// <summary>Trains a text classifier: compares featurizers and trainers by stratified k-fold cross-validation on the training
/// split, keeps the best by macro-F1, calibrates it on out-of-fold probabilities and scores it on the test split.</summary>
public sealed class TextClassifierTrainer(TextTrainingOptions options, IProgress<string>? progress = null)
{
    private const string LabelKey = "LabelKey";
    private const string Features = "Features";

    /// <summary>Trains on rows whose split is train (and dev), tests on rows whose split is test.</summary>
    /// <param name="rows">All rows; the split decides their use (rows without a split count as train).</param>
    /// <param name="inputNames">What each text slot holds, recorded in the manifest entry.</param>
    /// <exception cref="ArgumentException">Fewer than two labels, or too few rows for the folds.</exception>
    public TextTrainingResult Train(IReadOnlyList<LabelledRow> rows, IReadOnlyList<string> inputNames)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var specs = TrainerSpec.ParseList(options.Trainers, nameof(TextTrainingOptions.Trainers));
        var train = rows.Where(r => r.Split is null or "" or "train").ToList();
        var dev = rows.Where(r => r.Split == "dev").ToList();
        var test = rows.Where(r => r.Split == "test").ToList();
        var labels = OrderLabels(rows.Select(r => r.Label).Distinct().ToList());
        if (labels.Count < 2)
            throw new ArgumentException($"need at least two labels, found {labels.Count} ({string.Join(", ", labels)}).", nameof(rows));
        // A label with no training row would be a class the model can never predict, listed in its manifest all the same.
        if (labels.Except(train.Select(r => r.Label)).ToList() is { Count: > 0 } unseen)
            throw new ArgumentException($"label(s) {string.Join(", ", unseen.Select(l => $"'{l}'"))} only in dev or test rows ({rows.Count(r => unseen.Contains(r.Label))} of them): a model cannot learn a label without training rows; add some, or drop those rows.", nameof(rows));
        if (train.Count < options.Folds * 2)
            throw new ArgumentException($"{train.Count} training rows are too few for {options.Folds} folds.", nameof(rows));

        var binary = labels.Count == 2;
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var folds = AssignFolds(train, labelIndex, options.Folds, options.Seed);
        var trainTruth = train.Select(r => labelIndex[r.Label]).ToArray();

        var candidates = new List<CandidateResult>();
        var outOfFold = new Dictionary<CandidateResult, float[][]>();
        var cvWatch = Stopwatch.StartNew();
        foreach (var featurizer in options.Featurizers)
        {
            var encoded = Encode(train, featurizer);
            var scores = new double[specs.Count, options.Folds];
            var seconds = new double[specs.Count, options.Folds];
            var oof = specs.Select(_ => new float[train.Count][]).ToArray();

            // Folds run in parallel, each on its own rows, featurized once for all its candidates; every fit has its own
            // context with the same seed and single-threaded or fixed-thread trainers, and every result goes to its own slot,
            // so the scores do not depend on the order in which folds finish.
            void RunFold(int fold)
            {
                var inFold = Enumerable.Range(0, train.Count).Where(i => folds[i] == fold).ToList();
                var outFold = Enumerable.Range(0, train.Count).Where(i => folds[i] != fold).ToList();
                progress?.Report($"cross-validation: {featurizer}, fold {fold + 1}/{options.Folds}: featurizing {outFold.Count} rows");
                var features = FoldFeatures.Fit(options, featurizer, labels, inputNames, outFold.Select(i => encoded[i]).ToList());
                // The classifier encodes sub-words itself when it predicts, as it will at run time: hand it raw text.
                var inFoldTexts = inFold.Select(i => train[i].Texts).ToList();
                var truth = inFold.Select(i => trainTruth[i]).ToList();
                for (var s = 0; s < specs.Count; s++)
                {
                    var watch = Stopwatch.StartNew();
                    var model = features.Train(specs[s], labels, inputNames);
                    var predicted = model.PredictRawBatch(inFoldTexts);
                    for (var j = 0; j < inFold.Count; j++)
                        oof[s][inFold[j]] = predicted[j];
                    scores[s, fold] = ClassificationMetrics.Compute(labels, truth, predicted, predicted.Select(ArgMax).ToList()).MacroF1;
                    seconds[s, fold] = watch.Elapsed.TotalSeconds;
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"cross-validation: {featurizer} + {specs[s]}, fold {fold + 1}/{options.Folds}: macro-F1 {scores[s, fold]:F4} ({seconds[s, fold]:F1} s)"));
                }
            }

            Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelFolds) }, RunFold);

            for (var s = 0; s < specs.Count; s++)
            {
                var foldScores = Enumerable.Range(0, options.Folds).Select(f => scores[s, f]).ToList();
                var candidate = new CandidateResult(featurizer, specs[s].Trainer, specs[s].L2, foldScores, Enumerable.Range(0, options.Folds).Sum(f => seconds[s, f]));
                candidates.Add(candidate);
                outOfFold[candidate] = oof[s];
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"  {candidate.Name}: macro-F1 {candidate.Mean:F4} ± {candidate.Spread:F4} ({candidate.Seconds:F1} s)"));
            }
        }

        var crossValidationSeconds = cvWatch.Elapsed.TotalSeconds;
        var best = candidates.OrderByDescending(c => c.Mean).First();
        var bestOof = outOfFold[best];
        var calibration = CalibrationFitter.Fit(trainTruth, bestOof, binary);
        var calibratedOof = CalibrationFitter.Apply(bestOof, calibration);
        var threshold = binary ? BestThreshold(trainTruth, calibratedOof) : 0.5;
        var eceBefore = ClassificationMetrics.CalibrationError(trainTruth, bestOof, bestOof.Select(ArgMax).ToList());
        var eceAfter = ClassificationMetrics.CalibrationError(trainTruth, calibratedOof, calibratedOof.Select(ArgMax).ToList());

        progress?.Report($"fitting the final model: {best.Name}");
        var finalRows = options.FitFinalOnTrainAndDev ? train.Concat(dev).ToList() : train;
        var watchFinal = Stopwatch.StartNew();
        var entry = new ModelEntry
        {
            Task = binary ? "binary" : "multiclass",
            Labels = [.. labels],
            Inputs = [.. inputNames],
            Featurizer = best.Featurizer,
            Trainer = best.Trainer,
            Calibration = calibration,
            Threshold = Math.Round(threshold, 4),
            Settings = new Dictionary<string, string>
            {
                ["folds"] = options.Folds.ToString(CultureInfo.InvariantCulture),
                ["candidates"] = string.Join(", ", candidates.Select(c => c.Name)),
                ["finalFit"] = options.FitFinalOnTrainAndDev ? "train+dev" : "train",
                ["wordNgrams"] = "1-2 (tf-idf)",
                ["charNgrams"] = best.Featurizer switch
                {
                    "ngrams" => "1-5 (tf-idf)",
                    _ when TfidfFeaturizer.Serves(best.Featurizer) && TfidfFeaturizer.MinCharNgramOf(best.Featurizer) != TfidfFeaturizer.NoCharNgrams
                        => $"{TfidfFeaturizer.MinCharNgramOf(best.Featurizer)}-5 within tokens (sublinear tf-idf)"
                            + (options.JoinInputs || TfidfFeaturizer.CharNgramsIn(best.Featurizer, 1) ? "" : "; the second input by words only"),
                    _ => "none",
                },
                ["inputs"] = options.JoinInputs && inputNames.Count > 1 ? "joined (one vocabulary)" : "separate",
            },
        };
        if (best.L2 is { } l2)
            entry.Settings["l2"] = TrainerSpec.FormatL2(l2);
        var final = FoldFeatures.Fit(options, best.Featurizer, labels, inputNames, Encode(finalRows, best.Featurizer))
            .Train(new TrainerSpec(best.Trainer, best.L2), labels, inputNames, entry);
        var fitSeconds = watchFinal.Elapsed.TotalSeconds;

        ClassificationMetrics? testRaw = null, testCalibrated = null;
        if (test.Count > 0)
        {
            var truth = test.Select(r => labelIndex.TryGetValue(r.Label, out var i) ? i : -1).ToList();
            var raw = final.PredictRawBatch(test.Select(r => r.Texts).ToList());
            var calibrated = CalibrationFitter.Apply(raw, calibration);
            testRaw = ClassificationMetrics.Compute(labels, truth, raw, raw.Select(p => binary ? (p[1] >= 0.5 ? 1 : 0) : ArgMax(p)).ToList());
            testCalibrated = ClassificationMetrics.Compute(labels, truth, calibrated, calibrated.Select(p => final.Decide(p)).ToList());
            var metrics = entry.Metrics;
            metrics["accuracy"] = Math.Round(testCalibrated.Accuracy, 4);
            metrics["macroF1"] = Math.Round(testCalibrated.MacroF1, 4);
            metrics["logLoss"] = Math.Round(testCalibrated.LogLoss, 4);
            metrics["ece"] = Math.Round(testCalibrated.ExpectedCalibrationError, 4);
            metrics["eceUncalibrated"] = Math.Round(testRaw.ExpectedCalibrationError, 4);
            if (binary)
                metrics["f1"] = Math.Round(testCalibrated.F1Of(labels[1]), 4);
            metrics["testRows"] = test.Count;
        }

        return new TextTrainingResult(final, candidates, best, eceBefore, eceAfter, testRaw, testCalibrated, finalRows.Count, test.Count, fitSeconds, crossValidationSeconds)
        {
            OutOfFold = [.. train.Select((row, i) => (row, calibratedOof[i]))],
        };
    }

    /// <summary>Labels in a stable order; for two labels, negative first and positive second.</summary>
    internal List<string> OrderLabels(List<string> labels)
    {
        labels.Sort(StringComparer.Ordinal);
        if (labels.Count != 2)
            return labels;

        var positive = options.PositiveLabel
            ?? labels.FirstOrDefault(l => l is "1" or "true" or "True" or "yes" or "positive")
            ?? labels[1];
        if (!labels.Contains(positive))
            throw new ArgumentException($"positive label '{positive}' is not one of the labels ({string.Join(", ", labels)}).");
        return [labels.Single(l => l != positive), positive];
    }

    /// <summary>Fold of each row: stratified by label, and rows of one group (article) always in one fold.</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabelledRow> rows, IReadOnlyDictionary<string, int> labelIndex, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[rows.Count];
        var groups = rows.Select((r, i) => (Key: r.Group ?? $"#row{i}", Index: i)).GroupBy(g => g.Key).ToList();

        // Groups in random order, each to the fold whose label counts it evens out most (greedy stratification).
        var counts = new int[folds, labelIndex.Count];
        var sizes = new int[folds];
        foreach (var group in groups.OrderBy(_ => random.Next()).OrderByDescending(g => g.Count()))
        {
            var groupCounts = new int[labelIndex.Count];
            foreach (var (_, index) in group)
                groupCounts[labelIndex[rows[index].Label]]++;

            var bestFold = 0;
            var bestCost = double.MaxValue;
            for (var f = 0; f < folds; f++)
            {
                double cost = sizes[f] * 1e-3;
                for (var c = 0; c < groupCounts.Length; c++)
                    cost += groupCounts[c] * counts[f, c];
                if (cost < bestCost)
                    (bestFold, bestCost) = (f, cost);
            }

            foreach (var (_, index) in group)
                assignment[index] = bestFold;
            for (var c = 0; c < groupCounts.Length; c++)
                counts[bestFold, c] += groupCounts[c];
            sizes[bestFold] += group.Count();
        }

        return assignment;
    }

    /// <summary>Rows featurized once (label keys and a feature vector each), on which any trainer is then fitted: the folds of
    /// cross-validation featurize once for every trainer and penalty, and the trainers' passes over the data read the
    /// vectors rather than featurizing the text again.</summary>
    private sealed class FoldFeatures
    {
        private readonly int _seed;
        private readonly string _featurizer;
        private readonly TfidfFeaturizer? _tfidf;
        private readonly ITransformer _featurize;
        private readonly IDataView _data;

        private FoldFeatures(int seed, string featurizer, TfidfFeaturizer? tfidf, ITransformer featurize, IDataView data)
        {
            _seed = seed;
            _featurizer = featurizer;
            _tfidf = tfidf;
            _featurize = featurize;
            _data = data;
        }

        public static FoldFeatures Fit(TextTrainingOptions options, string featurizer, IReadOnlyList<string> labels, IReadOnlyList<string> inputNames, IReadOnlyList<LabelledRow> rows)
        {
            var ml = new MLContext(options.Seed);
            var keys = ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow(l)));
            IEstimator<ITransformer> labelKeys = ml.Transforms.Conversion.MapValueToKey(LabelKey, nameof(TextModelInput.Label), keyData: keys);
            if (TfidfFeaturizer.Serves(featurizer))
            {
                // This library's featurizer runs outside ML.NET: the model learns from its vectors, and the vocabulary travels
                // in the model's zip.
                var tfidf = TfidfFeaturizer.Fit([.. rows.Select(r => r.Texts)], inputNames.Count, options.JoinInputs, minCharNgram: TfidfFeaturizer.MinCharNgramOf(featurizer),
                    charNgramsIn: slot => TfidfFeaturizer.CharNgramsIn(featurizer, slot));
                var vectors = ml.Data.LoadFromEnumerable(
                    rows.Select(r => new VectorModelInput { Features = tfidf.Featurize(r.Texts).ToVBuffer(tfidf.Dimension), Label = r.Label }).ToList(),
                    VectorModelInput.Schema(tfidf.Dimension));
                var mapKeys = labelKeys.Fit(vectors);
                return new FoldFeatures(options.Seed, featurizer, tfidf, mapKeys, mapKeys.Transform(vectors));
            }

            var data = ml.Data.LoadFromEnumerable(rows.Select(r => TextModelInput.FromSlots(r.Texts, r.Label)));
            var featurize = FeaturizerPipeline(ml, featurizer, inputNames.Count, options.JoinInputs, labelKeys).Fit(data);
            // Cached: a trainer passes over the rows many times, and ML.NET's text featurizers are far slower than a pass.
            return new FoldFeatures(options.Seed, featurizer, null, featurize, ml.Data.Cache(featurize.Transform(data), LabelKey, Features));
        }

        /// <summary>Fits <paramref name="spec"/> on the featurized rows, with a context of its own seeded alike, so that a fit
        /// does not depend on what was fitted before it.</summary>
        public TextClassifier Train(TrainerSpec spec, IReadOnlyList<string> labels, IReadOnlyList<string> inputNames, ModelEntry? entry = null)
        {
            var ml = new MLContext(_seed);
            entry ??= new ModelEntry { Task = labels.Count == 2 ? "binary" : "multiclass", Labels = [.. labels], Inputs = [.. inputNames], Featurizer = _featurizer, Trainer = spec.Trainer };
            var trained = Trainer(ml, spec).Fit(_data);
            // One flat chain, as fitting featurizer and trainer in one pipeline gives.
            var model = new TransformerChain<ITransformer>(_featurize is IEnumerable<ITransformer> steps ? [.. steps, trained] : [_featurize, trained]);
            return TextClassifier.Create(ml, model, entry, _tfidf);
        }
    }

    // The key order of MapValueToKey comes from a one-column view of the labels in the manifest's order.
    private sealed record LabelRow(string Label);

    private static IEstimator<ITransformer> FeaturizerPipeline(MLContext ml, string featurizer, int slots, bool joinInputs, IEstimator<ITransformer> pipeline)
    {
        // Joined inputs share one vocabulary (a title word and the same word in the body are one feature); separate inputs
        // get one block each, so that a word in the sentence weighs differently from the same word in its context.
        var groups = joinInputs
            ? [Enumerable.Range(0, slots).Select(TextModelInput.SlotName).ToArray()]
            : Enumerable.Range(0, slots).Select(i => new[] { TextModelInput.SlotName(i) }).ToList();
        var columns = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            // Word and character n-grams are normalised apart: together, the far more numerous character n-grams would
            // outweigh the words.
            foreach (var (part, extractor) in FeatureBlocks(featurizer))
            {
                var column = $"{Features}{g}{part}";
                columns.Add(column);
                pipeline = pipeline.Append(ml.Transforms.Text.FeaturizeText(column, extractor, groups[g]));
            }
        }

        return pipeline.Append(ml.Transforms.Concatenate(Features, [.. columns]));
    }

    private static IEnumerable<(string Part, TextFeaturizingEstimator.Options Options)> FeatureBlocks(string featurizer)
    {
        switch (featurizer)
        {
            case "ngrams":
                yield return ("w", Block(words: true, lowerCase: true));
                yield return ("c", Block(words: false, lowerCase: true));
                break;
            case "subwords":
                // The sub-word encoder has already turned text into space-separated o200k token ids: no case, no characters.
                yield return ("t", Block(words: true, lowerCase: false));
                break;
            default:
                throw new ArgumentException($"unknown featurizer '{featurizer}' (expected {string.Join(", ", TextTrainingOptions.KnownFeaturizers)}).");
        }
    }

    /// <summary>Word 1–2-grams or character 1–5-grams, tf-idf weighted, L2-normalised.</summary>
    private static TextFeaturizingEstimator.Options Block(bool words, bool lowerCase)
    {
        var ngrams = new WordBagEstimator.Options { NgramLength = words ? 2 : 5, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf };
        return new TextFeaturizingEstimator.Options
        {
            CaseMode = lowerCase ? TextNormalizingEstimator.CaseMode.Lower : TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = words ? ngrams : null,
            CharFeatureExtractor = words ? null : ngrams,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, TrainerSpec spec) => spec.Trainer switch
    {
        "sdca" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(LabelKey, Features),
        // ML.NET's default L1 and L2 of 1 drown L2-normalised tf-idf features; the penalties of TrainerSpec suit them.
        "lbfgs" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(LabelKey, Features, l1Regularization: 0, l2Regularization: Penalty(spec)),
        // A linear SVM (smoothed hinge loss) solved in the dual by SDCA to a tight tolerance, as liblinear solves LinearSVC;
        // one thread keeps it deterministic. One-versus-all calibrates each class's margin to a probability.
        "svm" => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
        {
            LabelColumnName = LabelKey,
            FeatureColumnName = Features,
            LossFunction = new SmoothedHingeLoss(),
            L1Regularization = 0,
            L2Regularization = Penalty(spec),
            ConvergenceTolerance = 1e-5f,
            MaximumNumberOfIterations = 200,
            NumberOfThreads = 1,
        }), LabelKey),
        "perceptron" => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AveragedPerceptron(LabelKey, Features, numberOfIterations: 10), LabelKey),
        "fasttree" => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(LabelKey, Features, numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 5), LabelKey),
        _ => throw new ArgumentException($"unknown trainer '{spec.Trainer}' (expected {string.Join(", ", TextTrainingOptions.AllTrainers)})."),
    };

    private static float Penalty(TrainerSpec spec) =>
        (float)(spec.L2 ?? throw new ArgumentException($"trainer '{spec.Trainer}' needs an L2 penalty (a spec such as {spec.Trainer}:l2=3e-4)."));

    private static List<LabelledRow> Encode(IReadOnlyList<LabelledRow> rows, string featurizer) =>
        featurizer == "subwords"
            ? rows.AsParallel().AsOrdered().Select(r => r with { Texts = r.Texts.Select(SubwordEncoder.Encode).ToArray() }).ToList()
            : [.. rows];

    private static double BestThreshold(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities)
    {
        var best = 0.5;
        var bestF1 = -1.0;
        for (var t = 0.2; t <= 0.8001; t += 0.01)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                var positive = probabilities[i][1] >= t;
                if (positive && truth[i] == 1) tp++;
                else if (positive) fp++;
                else if (truth[i] == 1) fn++;
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            if (f1 > bestF1 + 1e-9)
                (best, bestF1) = (t, f1);
        }

        return best;
    }

    private static int ArgMax(float[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
                best = i;
        }

        return best;
    }
}
