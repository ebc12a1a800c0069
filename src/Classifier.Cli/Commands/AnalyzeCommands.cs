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

    public static Command Tag()
    {
        var command = new Command("tag", "Tag every paragraph with its topic and every sentence with its Western relevance and salience.");
        var shared = AddShared(command, "to tag");
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var analyzer = Load(result, shared);
            var format = result.GetValue(shared.Format)!;
            if (result.GetValue(shared.Jsonl) is { } jsonl)
                return RunJsonLines(jsonl, analyzer, (writer, analysis, _, id) => JsonContract.WriteTag(writer, analysis, id));

            var input = result.GetValue(shared.Input) ?? throw new CliException("give an article FILE, a folder, - for standard input, or --jsonl.");
            foreach (var (name, analysis) in AnalyzeInput(analyzer, input))
            {
                switch (format)
                {
                    case "json":
                        WriteJson(writer => JsonContract.WriteTag(writer, analysis, Directory.Exists(input) ? name : null), Directory.Exists(input));
                        break;
                    case "text":
                        AnalysisText.TagText(analysis, Console.Out);
                        break;
                    default:
                        AnalysisText.TagMarkdown(analysis, Console.Out);
                        break;
                }
            }

            return 0;
        }));
        return command;
    }

    public static Command Summarize()
    {
        var command = new Command("summarize", "Summarise articles: highlights, key points by topic, why it matters to the West; every sentence with its offsets.");
        var shared = AddShared(command, "to summarise");
        var highlights = new Option<int>("--highlights") { Description = "Number of highlights.", DefaultValueFactory = _ => SummaryOptions.Default.Highlights };
        var keyPoints = new Option<int>("--key-points") { Description = "Key points per topic.", DefaultValueFactory = _ => SummaryOptions.Default.KeyPointsPerTopic };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Budget of the whole summary in o200k tokens." };
        var maxCharacters = new Option<int?>("--max-chars") { Description = "Budget of the whole summary in characters." };
        var output = new Option<string?>("--output") { Description = "For a folder: also write digest.md and one JSON file per article into this folder." };
        command.Add(highlights);
        command.Add(keyPoints);
        command.Add(maxTokens);
        command.Add(maxCharacters);
        command.Add(output);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var options = new SummaryOptions
            {
                Highlights = result.GetValue(highlights),
                KeyPointsPerTopic = result.GetValue(keyPoints),
                MaxTokens = result.GetValue(maxTokens),
                MaxCharacters = result.GetValue(maxCharacters),
            };
            options.Validate();
            var analyzer = Load(result, shared);
            var format = result.GetValue(shared.Format)!;
            if (result.GetValue(shared.Jsonl) is { } jsonl)
            {
                return RunJsonLines(jsonl, analyzer, (writer, analysis, count, id) =>
                    JsonContract.WriteSummary(writer, analyzer.Summarize(analysis, count is { } n ? options with { Highlights = n } : options), id));
            }

            var input = result.GetValue(shared.Input) ?? throw new CliException("give an article FILE, a folder, - for standard input, or --jsonl.");
            var folder = Directory.Exists(input);
            var outputFolder = result.GetValue(output);
            if (outputFolder is not null && !folder)
                throw new CliException("--output is for a folder of articles.");
            var digest = new StringWriter();
            var files = new Dictionary<string, string>();
            if (folder && format == "md")
                Console.Out.WriteLine($"# Digest: {Path.GetFileName(Path.TrimEndingDirectorySeparator(input))}\n");
            foreach (var (name, analysis) in AnalyzeInput(analyzer, input))
            {
                var summary = analyzer.Summarize(analysis, options);
                if (outputFolder is not null)
                {
                    AnalysisText.SummaryMarkdown(summary, digest, headingLevel: 2);
                    files[Path.ChangeExtension(name, ".json")] = Json(writer => JsonContract.WriteSummary(writer, summary, name), indented: true);
                }

                switch (format)
                {
                    case "json":
                        WriteJson(writer => JsonContract.WriteSummary(writer, summary, folder ? name : null), folder);
                        break;
                    case "text":
                        AnalysisText.SummaryText(summary, Console.Out);
                        Console.Out.WriteLine();
                        break;
                    default:
                        AnalysisText.SummaryMarkdown(summary, Console.Out, headingLevel: folder ? 2 : 1);
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

            return 0;
        }));
        return command;
    }

    private static ArticleAnalyzer Load(ParseResult result, Shared shared) =>
        ArticleAnalyzer.Load(ModelsFolder.Resolve(result.GetValue(shared.Models)), new AnalyzerOptions
        {
            Reader = new ReaderOptions { Format = result.GetValue(shared.InputFormat) },
        });

    // A file or standard input gives one analysis; a folder gives one per article file, in name order, in batches.
    private static IEnumerable<(string Name, ArticleAnalysis Analysis)> AnalyzeInput(ArticleAnalyzer analyzer, string input)
    {
        if (!Directory.Exists(input))
        {
            yield return (input == "-" ? "stdin" : Path.GetFileName(input), analyzer.Analyze(CliInput.ReadText(input)));
            yield break;
        }

        var files = Directory.EnumerateFiles(input)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".md" or ".markdown" or ".html" or ".htm")
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in files.Chunk(BatchSize))
        {
            var analyses = analyzer.AnalyzeMany([.. chunk.Select(f => File.ReadAllText(f, Encoding.UTF8))]);
            for (var i = 0; i < chunk.Length; i++)
                yield return (Path.GetFileName(chunk[i]), analyses[i]);
        }
    }

    private delegate void RecordWriter(Utf8JsonWriter writer, ArticleAnalysis analysis, int? highlights, string id);

    // JSON Lines in, JSON Lines out, in batches; a bad record gets an error line with its id and line, and the rest go on.
    private static int RunJsonLines(string path, ArticleAnalyzer analyzer, RecordWriter write)
    {
        using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : OpenFile(path);
        using var stdout = Console.OpenStandardOutput();
        var failures = 0;
        var lineNumber = 0;
        var batch = new List<JsonLineRecord>();
        string? line;
        while (true)
        {
            line = reader.ReadLine();
            if (line is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                batch.Add(JsonLineRecord.Parse(line, path, lineNumber));
                if (batch.Count < BatchSize)
                    continue;
            }

            var good = batch.Where(r => r.Error is null).ToList();
            var analyses = analyzer.AnalyzeMany([.. good.Select(r => r.Text!)]);
            var next = 0;
            foreach (var record in batch)
            {
                using (var writer = new Utf8JsonWriter(stdout, s_compact))
                {
                    if (record.Error is { } error)
                    {
                        failures++;
                        Console.Error.WriteLine($"classifier: {error}");
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

                stdout.WriteByte((byte)'\n');
            }

            stdout.Flush();
            batch.Clear();
            if (line is null)
                break;
        }

        if (failures > 0)
            Console.Error.WriteLine($"classifier: {failures} record(s) failed (an error line was written for each).");
        return failures > 0 ? CommandRunner.Failure : 0;
    }

    private static StreamReader OpenFile(string path) =>
        File.Exists(path) ? new StreamReader(path, Encoding.UTF8) : throw new CliException($"{path}: no such file.");

    private static void WriteJson(Action<Utf8JsonWriter> write, bool oneLine)
    {
        Console.Out.WriteLine(Json(write, indented: !oneLine));
    }

    private static string Json(Action<Utf8JsonWriter> write, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
            write(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
