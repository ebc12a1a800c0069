using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Classifier.Analysis;
using Classifier.Models;
using Classifier.Training;
using Classifier.Training.Corpus;
using Classifier.Training.Data;
using Classifier.Training.Evaluation;
using Classifier.Training.Models;
using Classifier.Training.Summaries;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier evaluate</c>: scores a bundle's classifiers on labelled data, for people and programs.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var models = new Option<string>("--models") { Description = "The model bundle folder.", DefaultValueFactory = _ => "models" };
        var data = new Option<string?>("--data") { Description = "A training-data folder (its test split: topic, western and highlights), or a labelled CSV/JSONL file." };
        var model = new Option<string?>("--model") { Description = "With a file: the model to evaluate (default: the bundle's only or first model)." };
        var text = new Option<string?>("--text") { Description = "With a file: text column(s) in the model's input order." };
        var label = new Option<string?>("--label") { Description = "With a file: the label column." };
        var split = new Option<string?>("--split-col") { Description = "With a file: evaluate only rows whose split column says test." };
        var summaries = new Option<string?>("--summaries") { Description = "Also score summaries: JSON Lines {id, title?, text, summary|highlights, split?} (test split only when it has splits)." };
        var highlights = new Option<int?>("--highlights") { Description = "With summaries: highlights per article (default: as many as the reference has sentences)." };
        var systemOut = new Option<string?>("--system-out") { Description = "With summaries: write the highlights as JSON Lines {id, summary} for ../shared/peers/summarize.py --system." };
        var format = new Option<string>("--format") { Description = "md or json.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");

        var command = new Command("evaluate", "Accuracy, macro-F1, per-class precision/recall/F1, confusion, log-loss and calibration error of a bundle's models.")
        {
            models, data, model, text, label, split, summaries, highlights, systemOut, format,
        };
        command.SetAction(result => CommandRunner.Run(console.Error, () =>
        {
            var bundle = ModelBundle.Load(result.GetValue(models)!);
            var path = result.GetValue(data);
            if (path is null && result.GetValue(summaries) is null)
                throw new CliException("give --data (a training-data folder or a labelled file) and/or --summaries.");
            var evaluations = new Dictionary<string, ClassificationMetrics>();
            var summarySets = new Dictionary<string, IReadOnlyList<SummaryArticle>>();
            if (path is not null && Directory.Exists(path))
            {
                var corpus = TrainingCorpus.Load(path);
                if (corpus.Issues.Count > 0)
                    throw new CliException($"{corpus.Issues.Count} corpus problem(s), first: {corpus.Issues[0]}");
                // Rows only for the models the bundle has; key sentences only where the corpus marks them (without K: lines
                // every row would read "not key").
                var corpusModels = new (string Name, bool Labelled, Func<List<LabelledRow>> Rows)[]
                {
                    ("topic", true, () => CorpusRows.Topic(corpus)),
                    ("western", true, () => CorpusRows.Western(corpus)),
                    ("keysentence", corpus.MarksKeySentences, () => CorpusRows.Key(corpus)),
                };
                foreach (var (name, labelled, rows) in corpusModels)
                {
                    if (labelled && bundle.Classifiers.TryGetValue(name, out var classifier))
                        evaluations[name] = Evaluate(classifier, [.. rows().Where(r => r.Split == "test")]);
                }

                summarySets["corpus"] = [.. SummaryData.FromCorpus(corpus).Where(a => a.Split == "test")];
            }
            else if (path is not null)
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

            if (result.GetValue(summaries) is { } summaryPath)
            {
                var articles = SummaryData.ReadJsonLines(summaryPath, Path.GetFileNameWithoutExtension(summaryPath));
                summarySets[Path.GetFileNameWithoutExtension(summaryPath)] = articles.Any(a => a.Split.Length > 0) ? [.. articles.Where(a => a.Split == "test")] : articles;
            }

            var rouge = new Dictionary<string, SummaryResult>();
            if (summarySets.Count > 0)
            {
                var analyzer = ArticleAnalyzer.Load(bundle);
                var all = new List<SummaryScore>();
                foreach (var (name, articles) in summarySets)
                {
                    var scores = SummaryEvaluator.Score(analyzer, articles, result.GetValue(highlights));
                    var mean = Rouge.Mean(scores.Select(s => s.Scores));
                    var keyRecall = SummaryEvaluator.KeyRecall(scores);
                    rouge[name] = new SummaryResult(scores.Count, Math.Round(mean.Rouge1, 2), Math.Round(mean.Rouge2, 2), Math.Round(mean.RougeL, 2),
                        keyRecall is { } r ? Math.Round(r, 4) : null);
                    all.AddRange(scores);
                }

                if (result.GetValue(systemOut) is { } output)
                {
                    AtomicFile.Write(output, stream =>
                    {
                        foreach (var score in all)
                            stream.Write(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = score.Id, summary = score.Highlights }, CliJson.Compact) + "\n"));
                    });
                }
            }

            if (result.GetValue(format) == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new { classification = evaluations, summaries = rouge }, CliJson.Options));
                return;
            }

            console.Out.WriteLine($"# Evaluation of {bundle.Source}\n");
            foreach (var (name, metrics) in evaluations)
                console.Out.WriteLine($"## {name}\n\n{TrainingReport.MetricsMarkdown(metrics)}");
            if (rouge.Count > 0)
            {
                console.Out.WriteLine("## Summaries (highlights against the reference, ROUGE F1 %, and the key sentences they hold)\n");
                console.Out.WriteLine("| test set | articles | R-1 | R-2 | R-L | key sentences in highlights |\n| --- | ---: | ---: | ---: | ---: | ---: |");
                foreach (var (name, r) in rouge)
                    console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| {name} | {r.Articles} | {r.Rouge1:F2} | {r.Rouge2:F2} | {r.RougeL:F2} | {TrainingReport.KeyRecallText(r.KeyRecall)} |"));
            }
        }));
        return command;
    }

    // KeyRecall: the share of the key sentences that the highlights hold; null (left out of the JSON) for a set without them.
    private sealed record SummaryResult(int Articles, double Rouge1, double Rouge2, double RougeL,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? KeyRecall);

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
