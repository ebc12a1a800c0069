using System.Globalization;
using System.Text;
using System.Text.Json;
using Classifier.Training.Evaluation;
using Classifier.Training.Summaries;

namespace Classifier.Training.Models;

/// <summary>Renders training results for people (Markdown) and programs (JSON).</summary>
public static class TrainingReport
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>A Markdown section for one trained model.</summary>
    public static string ToMarkdown(string name, TextTrainingResult result)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"## Model `{name}`");
        text.AppendLine();
        var penalty = result.Best.L2 is { } l2 ? $", L2 {TrainerSpec.FormatL2(l2)}" : "";
        text.AppendLine(c, $"Chosen: **{result.Best.Featurizer} + {result.Best.Trainer}{penalty}** (`{result.Best.Name}`, mean macro-F1 {result.Best.Mean:F4} over {result.Best.FoldMacroF1.Count} folds). Final fit on {result.TrainRows} rows in {result.FitSeconds:F1} s; test rows: {result.TestRows}.");
        text.AppendLine();
        text.AppendLine(c, $"Cross-validation on the training split (stratified, articles kept in one fold), {result.Candidates.Count} candidates in {result.CrossValidationSeconds:F1} s:");
        text.AppendLine();
        text.AppendLine("| featurizer | trainer | L2 | macro-F1 mean | spread (sd) | folds | seconds |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | --- | ---: |");
        foreach (var candidate in result.Candidates.OrderByDescending(x => x.Mean))
            text.AppendLine(c, $"| {candidate.Featurizer} | {candidate.Trainer} | {(candidate.L2 is { } x ? TrainerSpec.FormatL2(x) : "")} | {candidate.Mean:F4} | {candidate.Spread:F4} | {string.Join(" ", candidate.FoldMacroF1.Select(f => f.ToString("F3", c)))} | {candidate.Seconds:F1} |");
        text.AppendLine();
        text.AppendLine(c, $"Calibration ({result.Model.Entry.Calibration.Method}): out-of-fold ECE {result.OutOfFoldEceBefore:F4} before, {result.OutOfFoldEceAfter:F4} after.");
        if (result.Test is { } test && result.TestUncalibrated is { } raw)
        {
            text.AppendLine();
            text.AppendLine(c, $"Test split: ECE {raw.ExpectedCalibrationError:F4} before calibration, {test.ExpectedCalibrationError:F4} after.");
            text.AppendLine();
            text.Append(MetricsMarkdown(test));
        }

        return text.ToString();
    }

    /// <summary>Accuracy, macro-F1, log-loss, ECE, per-class table and confusion matrix as Markdown.</summary>
    public static string MetricsMarkdown(ClassificationMetrics metrics)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"| rows | accuracy | macro-F1 | log-loss | ECE |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        text.AppendLine(c, $"| {metrics.Count} | {metrics.Accuracy:P2} | {metrics.MacroF1:F4} | {metrics.LogLoss:F4} | {metrics.ExpectedCalibrationError:F4} |");
        text.AppendLine();
        text.AppendLine("| class | precision | recall | F1 | support |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var m in metrics.PerClass)
            text.AppendLine(c, $"| {m.Label} | {m.Precision:F4} | {m.Recall:F4} | {m.F1:F4} | {m.Support} |");
        text.AppendLine();
        text.AppendLine(c, $"Confusion (rows: truth, columns: predicted):");
        text.AppendLine();
        var labels = metrics.PerClass.Select(p => p.Label).ToList();
        text.AppendLine(c, $"| | {string.Join(" | ", labels)} |");
        text.AppendLine(c, $"| --- |{string.Concat(labels.Select(_ => " ---: |"))}");
        for (var i = 0; i < labels.Count; i++)
            text.AppendLine(c, $"| **{labels[i]}** | {string.Join(" | ", metrics.Confusion[i])} |");
        return text.ToString();
    }

    /// <summary>A Markdown section for the salience model: what it learned from, its ROUGE beside the oracle's and the share of
    /// key sentences its highlights hold.</summary>
    public static string ToMarkdown(string name, SalienceTrainingResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"## Model `{name}`");
        text.AppendLine();
        text.AppendLine(c, $"FastTree on {result.TrainSentences} candidate sentences of {result.TrainArticles} articles ({result.Entry.Settings["trainedOn"]}); {result.Positives} positives: {result.Entry.Settings["labels"]}. {result.Seconds:F1} s.");
        text.AppendLine();
        text.AppendLine("Highlights (as many as the reference has sentences) against the reference, ROUGE F1 %:");
        text.AppendLine();
        text.AppendLine("| test set | articles | R-1 | R-2 | R-L | oracle R-1 | oracle R-2 | oracle R-L | key sentences in highlights |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var t in result.Tests)
            text.AppendLine(c, $"| {t.Source} | {t.Articles} | {t.Rouge.Rouge1:F2} | {t.Rouge.Rouge2:F2} | {t.Rouge.RougeL:F2} | {t.Oracle.Rouge1:F2} | {t.Oracle.Rouge2:F2} | {t.Oracle.RougeL:F2} | {KeyRecallText(t.KeyRecall)} |");
        return text.ToString();
    }

    /// <summary>A share of key sentences as a percentage, or a dash for a test set that marks none.</summary>
    public static string KeyRecallText(double? keyRecall) =>
        keyRecall is { } r ? (100 * r).ToString("F1", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>The results as JSON (schema: <c>docs/training.md</c>, "The training report (JSON)").</summary>
    public static string ToJson(IReadOnlyDictionary<string, TextTrainingResult> results, SalienceTrainingResult? salience = null) => JsonSerializer.Serialize(
        new Dictionary<string, object>(results.ToDictionary(r => r.Key, r => (object)Text(r.Value)))
            .Concat(salience is null ? [] : [new KeyValuePair<string, object>("salience", new
            {
                trainArticles = salience.TrainArticles,
                trainSentences = salience.TrainSentences,
                positives = salience.Positives,
                trainedOn = salience.Entry.Settings["trainedOn"],
                tests = salience.Tests,
                seconds = salience.Seconds,
            })])
            .ToDictionary(),
        s_json);

    private static object Text(TextTrainingResult result) => new
    {
        chosen = new { featurizer = result.Best.Featurizer, trainer = result.Best.Trainer, l2 = result.Best.L2, name = result.Best.Name },
        candidates = result.Candidates.Select(x => new { x.Featurizer, x.Trainer, x.L2, x.Name, mean = x.Mean, spread = x.Spread, folds = x.FoldMacroF1, x.Seconds }),
        crossValidationSeconds = result.CrossValidationSeconds,
        calibration = result.Model.Entry.Calibration,
        outOfFoldEce = new { before = result.OutOfFoldEceBefore, after = result.OutOfFoldEceAfter },
        test = result.Test,
        testUncalibrated = result.TestUncalibrated,
        threshold = result.Model.Entry.Threshold,
        trainRows = result.TrainRows,
        testRows = result.TestRows,
        fitSeconds = result.FitSeconds,
    };
}
