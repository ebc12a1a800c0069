using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Classifier.Analysis;
using Classifier.Text;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier tag</c> and <c>classifier summarize</c>: what analysts run on articles.</summary>
internal static class AnalyzeCommands
{
    // Articles analysed per batch call: large enough for batch throughput, small enough to keep memory flat on big folders.
    private const int BatchSize = 32;

    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    private sealed record Shared(Argument<string?> Input, Option<string> Format, Option<string?> Models, Option<string?> Jsonl, Option<ArticleFormat> InputFormat);

    private static Shared AddShared(Command command, string what)
    {
        var input = new Argument<string?>("input") { Description = $"The article {what} (plain text, Markdown or HTML), a folder of them, or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "Output: md, json or text.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json", "text");
        var models = new Option<string?>("--models") { Description = "Model bundle folder (default: the bundled models/)." };
        var jsonl = new Option<string?>("--jsonl") { Description = "Read JSON Lines records {\"id\", \"text\", \"highlights\"?} from FILE or - and write one JSON line per record." };
        var inputFormat = new Option<ArticleFormat>("--input-format") { Description = "How to read the input.", DefaultValueFactory = _ => ArticleFormat.Auto };
        command.Add(input);
        command.Add(format);
        command.Add(models);
        command.Add(jsonl);
        command.Add(inputFormat);
        return new Shared(input, format, models, jsonl, inputFormat);
    }

    public static Command Tag(CliConsole console)
    {
        var command = new Command("tag", "Tag every paragraph with its topic and every sentence with its Western relevance and salience.");
        var shared = AddShared(command, "to tag");
        command.SetAction(result => CommandRunner.Run(console.Error, () =>
        {
            // Loaded on first use, so that a mistyped input is reported at once rather than after the load.
            var analyzer = new Lazy<ArticleAnalyzer>(() => Load(result, shared));
            var format = result.GetValue(shared.Format)!;
            if (result.GetValue(shared.Jsonl) is { } jsonl)
                return RunJsonLines(jsonl, analyzer, console, (writer, analysis, _, id) => JsonContract.WriteTag(writer, analysis, id));

            var input = result.GetValue(shared.Input) ?? throw new CliException("give an article FILE, a folder, - for standard input, or --jsonl.");
            var inputs = new Inputs(analyzer, console);
            foreach (var (name, analysis) in inputs.Analyze(input))
            {
                switch (format)
                {
                    case "json":
                        WriteJson(console, writer => JsonContract.WriteTag(writer, analysis, Directory.Exists(input) ? name : null), Directory.Exists(input));
                        break;
                    case "text":
                        AnalysisText.TagText(analysis, console.Out);
                        break;
                    default:
                        AnalysisText.TagMarkdown(analysis, console.Out);
                        break;
                }
            }

            return inputs.ExitCode;
        }));
        return command;
    }

    public static Command Summarize(CliConsole console)
    {
        var command = new Command("summarize", "Summarise articles: highlights, key points by topic, why it matters to the West; every sentence with its offsets.");
        var shared = AddShared(command, "to summarise");
        var highlights = CliOptions.Count("--highlights", "Number of highlights.", SummaryOptions.Default.Highlights);
        var keyPoints = CliOptions.Count("--key-points", "Key points per topic.", SummaryOptions.Default.KeyPointsPerTopic);
        var maxTokens = CliOptions.OptionalCount("--max-tokens", "Budget of the whole summary in o200k tokens.");
        var maxCharacters = CliOptions.OptionalCount("--max-chars", "Budget of the whole summary in characters.");
        var output = new Option<string?>("--output") { Description = "For a folder: also write digest.md and one JSON file per article into this folder." };
        command.Add(highlights);
        command.Add(keyPoints);
        command.Add(maxTokens);
        command.Add(maxCharacters);
        command.Add(output);
        command.SetAction(result => CommandRunner.Run(console.Error, () =>
        {
            var options = new SummaryOptions
            {
                Highlights = result.GetValue(highlights),
                KeyPointsPerTopic = result.GetValue(keyPoints),
                MaxTokens = result.GetValue(maxTokens),
                MaxCharacters = result.GetValue(maxCharacters),
            };
            options.Validate();
            var analyzer = new Lazy<ArticleAnalyzer>(() => Load(result, shared));
            var format = result.GetValue(shared.Format)!;
            if (result.GetValue(shared.Jsonl) is { } jsonl)
            {
                return RunJsonLines(jsonl, analyzer, console, (writer, analysis, count, id) =>
                    JsonContract.WriteSummary(writer, analyzer.Value.Summarize(analysis, count is { } n ? options with { Highlights = n } : options), id));
            }

            var input = result.GetValue(shared.Input) ?? throw new CliException("give an article FILE, a folder, - for standard input, or --jsonl.");
            var folder = Directory.Exists(input);
            var outputFolder = result.GetValue(output);
            if (outputFolder is not null && !folder)
                throw new CliException("--output is for a folder of articles.");
            var digest = new StringWriter();
            var files = new Dictionary<string, string>();
            if (folder && format == "md")
                console.Out.WriteLine($"# Digest: {Path.GetFileName(Path.TrimEndingDirectorySeparator(input))}\n");
            var inputs = new Inputs(analyzer, console);
            foreach (var (name, analysis) in inputs.Analyze(input))
            {
                var summary = analyzer.Value.Summarize(analysis, options);
                if (outputFolder is not null)
                {
                    AnalysisText.SummaryMarkdown(summary, digest, headingLevel: 2);
                    files[Path.ChangeExtension(name, ".json")] = Json(writer => JsonContract.WriteSummary(writer, summary, name), indented: true);
                }

                switch (format)
                {
                    case "json":
                        WriteJson(console, writer => JsonContract.WriteSummary(writer, summary, folder ? name : null), folder);
                        break;
                    case "text":
                        AnalysisText.SummaryText(summary, console.Out);
                        console.Out.WriteLine();
                        break;
                    default:
                        AnalysisText.SummaryMarkdown(summary, console.Out, headingLevel: folder ? 2 : 1);
                        break;
                }
            }

            if (outputFolder is not null)
            {
                Directory.CreateDirectory(outputFolder);
                files["digest.md"] = $"# Digest: {Path.GetFileName(Path.TrimEndingDirectorySeparator(input))}\n\n{digest}";
                foreach (var (file, content) in files)
                    Classifier.Training.AtomicFile.Write(Path.Combine(outputFolder, file), stream => stream.Write(Encoding.UTF8.GetBytes(content)));
            }

            return inputs.ExitCode;
        }));
        return command;
    }

    private static ArticleAnalyzer Load(ParseResult result, Shared shared) =>
        ArticleAnalyzer.Load(ModelsFolder.Resolve(result.GetValue(shared.Models)), new AnalyzerOptions
        {
            Reader = new ReaderOptions { Format = result.GetValue(shared.InputFormat) },
        });

    /// <summary>Analyses a command's input: a file or standard input gives one analysis; a folder gives one per article file, in
    /// name order, in batches. A file that is not text is reported and skipped, and makes the exit code 1.</summary>
    private sealed class Inputs(Lazy<ArticleAnalyzer> analyzer, CliConsole console)
    {
        private int _failures;

        public int ExitCode => _failures == 0 ? 0 : CommandRunner.Failure;

        public IEnumerable<(string Name, ArticleAnalysis Analysis)> Analyze(string input)
        {
            if (!Directory.Exists(input))
            {
                var text = CliInput.ReadText(input, console);
                WarnIfBlank(text, CliInput.NameOf(input));
                yield return (input == "-" ? "stdin" : Path.GetFileName(input), analyzer.Value.Analyze(text));
                yield break;
            }

            var files = Directory.EnumerateFiles(input)
                .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".md" or ".markdown" or ".html" or ".htm")
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var chunk in files.Chunk(BatchSize))
            {
                var readable = new List<(string File, string Text)>();
                foreach (var file in chunk)
                {
                    try
                    {
                        var text = CliInput.ReadText(file, console);
                        WarnIfBlank(text, file);
                        readable.Add((file, text));
                    }
                    catch (Exception error) when (error is CliException or IOException or UnauthorizedAccessException)
                    {
                        _failures++;
                        console.Error.WriteLine($"classifier: {error.Message} (skipped)");
                    }
                }

                if (readable.Count == 0)
                    continue;
                var analyses = analyzer.Value.AnalyzeMany([.. readable.Select(r => r.Text)]);
                for (var i = 0; i < readable.Count; i++)
                    yield return (Path.GetFileName(readable[i].File), analyses[i]);
            }

            if (_failures > 0)
                console.Error.WriteLine($"classifier: {_failures} file(s) of {files.Count} skipped.");
        }

        // Not an error, as over HTTP: the result is a valid empty one. But a person running the command should know why.
        private void WarnIfBlank(string text, string name)
        {
            if (CliInput.IsBlank(text))
                console.Error.WriteLine($"classifier: {name}: no text (empty or white space only); the result is empty.");
        }
    }

    private delegate void RecordWriter(Utf8JsonWriter writer, ArticleAnalysis analysis, int? highlights, string id);

    // JSON Lines in, JSON Lines out, in batches; a bad record gets an error line with its id and line, and the rest go on.
    private static int RunJsonLines(string path, Lazy<ArticleAnalyzer> analyzer, CliConsole console, RecordWriter write)
    {
        using var input = path == "-" ? console.OpenInput() : OpenFile(path);
        var name = CliInput.NameOf(path);
        var output = console.Output;
        var failures = 0;
        var lineNumber = 0;
        var batch = new List<(JsonLineRecord Record, int Line)>();
        using var lines = CliInput.ReadLines(input).GetEnumerator();
        while (true)
        {
            var more = lines.MoveNext();
            if (more)
            {
                lineNumber++;
                if (JsonLineRecord.Read(lines.Current, name, lineNumber) is not { } record)
                    continue;
                batch.Add((record, lineNumber));
                if (batch.Count < BatchSize)
                    continue;
            }

            var texts = batch.Where(r => r.Record.Error is null).Select(r => r.Record.Text!).ToList();
            var analyses = texts.Count == 0 ? [] : analyzer.Value.AnalyzeMany(texts);
            var next = 0;
            foreach (var (record, line) in batch)
            {
                if (record.Text is { } text && CliInput.IsBlank(text))
                    console.Error.WriteLine($"classifier: {name}:{line}: record '{record.Id}' has no text; its result is empty.");
                using (var writer = new Utf8JsonWriter(output, s_compact))
                {
                    if (record.Error is { } error)
                    {
                        failures++;
                        console.Error.WriteLine($"classifier: {error}");
                        writer.WriteStartObject();
                        writer.WriteString("id", record.Id);
                        writer.WriteString("error", error);
                        writer.WriteEndObject();
                    }
                    else
                    {
                        write(writer, analyses[next++], record.Highlights, record.Id!);
                    }
                }

                output.WriteByte((byte)'\n');
            }

            output.Flush();
            batch.Clear();
            if (!more)
                break;
        }

        if (failures > 0)
            console.Error.WriteLine($"classifier: {failures} record(s) failed (an error line was written for each).");
        return failures > 0 ? CommandRunner.Failure : 0;
    }

    private static FileStream OpenFile(string path) =>
        File.Exists(path) ? File.OpenRead(path) : throw new CliException($"{path}: no such file.");

    private static void WriteJson(CliConsole console, Action<Utf8JsonWriter> write, bool oneLine)
    {
        console.Out.WriteLine(Json(write, indented: !oneLine));
    }

    private static string Json(Action<Utf8JsonWriter> write, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
            write(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
