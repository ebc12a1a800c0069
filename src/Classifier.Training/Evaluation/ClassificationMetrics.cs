namespace Classifier.Training.Evaluation;

/// <summary>Per-class precision, recall and F1 with the class's support.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>Quality of a classifier on labelled rows: accuracy, macro-F1, per class, confusion, log-loss, calibration error.</summary>
public sealed record ClassificationMetrics(
    int Count,
    double Accuracy,
    double MacroF1,
    double LogLoss,
    double ExpectedCalibrationError,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    private const int CalibrationBins = 15;

    /// <summary>Scores predictions against the truth.</summary>
    /// <param name="labels">Class labels, in probability order.</param>
    /// <param name="truth">The true class index of each row.</param>
    /// <param name="probabilities">Each row's class probabilities.</param>
    /// <param name="predicted">Each row's predicted class index (the argmax, or a binary threshold's decision).</param>
    public static ClassificationMetrics Compute(IReadOnlyList<string> labels, IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, IReadOnlyList<int> predicted)
    {
        var k = labels.Count;
        var confusion = new int[k][];
        for (var i = 0; i < k; i++)
            confusion[i] = new int[k];

        double logLoss = 0;
        for (var row = 0; row < truth.Count; row++)
        {
            confusion[truth[row]][predicted[row]]++;
            logLoss -= Math.Log(Math.Max(probabilities[row][truth[row]], 1e-15));
        }

        var perClass = new List<ClassMetrics>();
        for (var c = 0; c < k; c++)
        {
            var tp = confusion[c][c];
            var support = confusion[c].Sum();
            var predictedCount = confusion.Sum(r => r[c]);
            var precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(labels[c], precision, recall, f1, support));
        }

        var present = perClass.Where(c => c.Support > 0).ToList();
        var n = Math.Max(truth.Count, 1);
        return new ClassificationMetrics(
            truth.Count,
            (double)Enumerable.Range(0, k).Sum(c => confusion[c][c]) / n,
            present.Count == 0 ? 0 : present.Average(c => c.F1),
            logLoss / n,
            CalibrationError(truth, probabilities, predicted),
            perClass,
            confusion);
    }

    /// <summary>Expected calibration error: the gap between confidence and accuracy, averaged over 15 equal-width bins.</summary>
    public static double CalibrationError(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, IReadOnlyList<int> predicted)
    {
        var count = new int[CalibrationBins];
        var confidence = new double[CalibrationBins];
        var correct = new double[CalibrationBins];
        for (var row = 0; row < truth.Count; row++)
        {
            var p = probabilities[row][predicted[row]];
            var bin = Math.Min((int)(p * CalibrationBins), CalibrationBins - 1);
            count[bin]++;
            confidence[bin] += p;
            correct[bin] += truth[row] == predicted[row] ? 1 : 0;
        }

        double error = 0;
        for (var bin = 0; bin < CalibrationBins; bin++)
        {
            if (count[bin] > 0)
                error += Math.Abs(correct[bin] - confidence[bin]) / Math.Max(truth.Count, 1);
        }

        return error;
    }

    /// <summary>F1 of one class (for binary tasks, the positive class).</summary>
    public double F1Of(string label) => PerClass.FirstOrDefault(c => c.Label == label)?.F1 ?? 0;
}
