using System.CommandLine;
using System.Text.Json;
using Classifier.Models;
using Classifier.Training.Corpus;
using Classifier.Training.Data;
using Classifier.Training.Evaluation;
using Classifier.Training.Models;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier evaluate</c>: scores a bundle's classifiers on labelled data, for people and programs.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var models = new Option<string>("--models") { Description = "The model bundle folder.", DefaultValueFactory = _ => "models" };
        var data = new Option<string>("--data") { Description = "A training-data folder (its test split: topic and western), or a labelled CSV/JSONL file.", Required = true };
        var model = new Option<string?>("--model") { Description = "With a file: the model to evaluate (default: the bundle's only or first model)." };
        var text = new Option<string?>("--text") { Description = "With a file: text column(s) in the model's input order." };
        var label = new Option<string?>("--label") { Description = "With a file: the label column." };
        var split = new Option<string?>("--split-col") { Description = "With a file: evaluate only rows whose split column says test." };
        var format = new Option<string>("--format") { Description = "md or json.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");

        var command = new Command("evaluate", "Accuracy, macro-F1, per-class precision/recall/F1, confusion, log-loss and calibration error of a bundle's models.")
        {
            models, data, model, text, label, split, format,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var bundle = ModelBundle.Load(result.GetValue(models)!);
            var path = result.GetValue(data)!;
            var evaluations = new Dictionary<string, ClassificationMetrics>();
            if (Directory.Exists(path))
            {
                var corpus = TrainingCorpus.Load(path);
                if (corpus.Issues.Count > 0)
                    throw new CliException($"{corpus.Issues.Count} corpus problem(s), first: {corpus.Issues[0]}");
                foreach (var (name, rows) in new[] { ("topic", CorpusRows.Topic(corpus)), ("western", CorpusRows.Western(corpus)) })
                {
                    if (bundle.Classifiers.TryGetValue(name, out var classifier))
                        evaluations[name] = Evaluate(classifier, rows.Where(r => r.Split == "test").ToList());
                }
            }
            else
            {
                var name = result.GetValue(model) ?? bundle.Classifiers.Keys.FirstOrDefault() ?? throw new CliException($"{bundle.Source}: the bundle has no text model.");
                if (!bundle.Classifiers.TryGetValue(name, out var classifier))
                    throw new CliException($"{bundle.Source}: no model '{name}' (models: {string.Join(", ", bundle.Classifiers.Keys)}).");
                var columns = new TabularColumns
                {
                    Text = result.GetValue(text)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [.. classifier.Entry.Inputs],
                    Label = result.GetValue(label) ?? throw new CliException("--label is required with a data file."),
                    Split = result.GetValue(split),
                };
                var rows = TabularDataReader.Read(path, columns).Rows.Where(r => columns.Split is null || r.Split == "test").ToList();
                evaluations[name] = Evaluate(classifier, rows);
            }

            if (result.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(evaluations, CliJson.Options));
                return;
            }

            Console.Out.WriteLine($"# Evaluation of {bundle.Source} on {path}\n");
            foreach (var (name, metrics) in evaluations)
                Console.Out.WriteLine($"## {name}\n\n{TrainingReport.MetricsMarkdown(metrics)}");
        }));
        return command;
    }

    private static ClassificationMetrics Evaluate(TextClassifier classifier, IReadOnlyList<LabelledRow> rows)
    {
        if (rows.Count == 0)
            throw new CliException("no rows to evaluate (no test split?).");
        var index = classifier.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var unknown = rows.FirstOrDefault(r => !index.ContainsKey(r.Label));
        if (unknown is not null)
            throw new CliException($"line {unknown.Line}: label '{unknown.Label}' is not one the model knows ({string.Join(", ", classifier.Labels)}).");
        var probabilities = classifier.PredictBatch(rows.Select(r => r.Texts).ToList());
        return ClassificationMetrics.Compute(classifier.Labels, rows.Select(r => index[r.Label]).ToList(), probabilities, probabilities.Select(p => classifier.Decide(p)).ToList());
    }
}
