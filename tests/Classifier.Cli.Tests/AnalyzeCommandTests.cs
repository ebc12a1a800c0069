using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Classifier.Analysis;

namespace Classifier.Cli.Tests;

/// <summary><c>classifier tag</c> and <c>summarize</c> on bad input: a correct result where that is what a user expects, else
/// a non-zero exit code and one clear message on stderr that names the file (and line), never a stack trace.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private static readonly Lazy<ArticleAnalyzer> s_analyzer = new(() => ArticleAnalyzer.Load(SharedData.Models));

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("tag", "", """{"schemaVersion":1,"title":null,"paragraphs":[]}""")]
    [InlineData("tag", " \n\t\r\n ", """{"schemaVersion":1,"title":null,"paragraphs":[]}""")]
    [InlineData("summarize", "", """{"schemaVersion":1,"title":null,"highlights":[],"keyPoints":[],"west":[]}""")]
    [InlineData("summarize", "\uFEFF \n\n", """{"schemaVersion":1,"title":null,"highlights":[],"keyPoints":[],"west":[]}""")]
    public void EmptyOrWhiteSpaceTextIsAnEmptyResultWithAWarning(string verb, string text, string expected)
    {
        var path = _folder.Write("empty.txt", text);
        var result = InProcessCli.Run(verb, path, "--format", "json", "--models", SharedData.Models);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, Compact(result.Stdout));
        result.AssertMessage($"classifier: {path}: no text (empty or white space only); the result is empty.");
    }

    [Fact]
    public void AGoodFileGivesTheContractJsonWithoutItsByteOrderMark()
    {
        var text = File.ReadAllText(SharedData.ExampleArticle);
        var path = _folder.Write("bom.txt", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)]);
        var result = InProcessCli.Run("tag", path, "--format", "json", "--models", SharedData.Models);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(Json(writer => JsonContract.WriteTag(writer, s_analyzer.Value.Analyze(text))), Compact(result.Stdout));
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("summarize")]
    public void ABinaryFileIsRefused(string verb)
    {
        // A PNG signature, then noise: what a mistaken attachment looks like.
        var noise = new byte[4096];
        new Random(6).NextBytes(noise);
        var path = _folder.Write("picture.png", [0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n', .. noise]);

        InProcessCli.Run(verb, path, "--models", SharedData.Models).AssertFailure($"classifier: {path}:1:1: not UTF-8 text:");
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("summarize")]
    public void InvalidUtf8IsRefusedNamingLineAndColumn(string verb)
    {
        // "Café" in Latin-1 on the second line: the é is the byte 0xE9, which UTF-8 reads as the start of a longer character.
        var path = _folder.Write("latin1.txt", [.. "Cobalt prices rose.\n"u8, .. "Caf"u8, 0xE9, .. " owners bought more.\n"u8]);

        var result = InProcessCli.Run(verb, path, "--models", SharedData.Models);
        result.AssertFailure($"classifier: {path}:2:4: not UTF-8 text: the byte sequence at offset 23 (starting 0xE9)");
        result.AssertMessage("iconv");
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("summarize")]
    public void AControlCharacterIsRefusedNamingLineAndColumn(string verb)
    {
        var path = _folder.Write("nul.txt", "Lithium prices fell.\n\nOutput\0 rose.");
        InProcessCli.Run(verb, path, "--models", SharedData.Models).AssertFailure($"classifier: {path}:3:7: control character U+0000;");
    }

    [Fact]
    public void StandardInputIsCheckedToo()
    {
        InProcessCli.RunWithInput([.. "a"u8, 0xFF, .. "b"u8], "tag", "-", "--models", SharedData.Models).AssertFailure("classifier: stdin:1:2: not UTF-8 text:");

        var result = InProcessCli.RunWithInput("Lithium prices fell."u8.ToArray(), "tag", "-", "--format", "json", "--models", SharedData.Models);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("operations", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("paragraphs")[0].GetProperty("topic").GetString());
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("summarize")]
    public void AMissingFileIsNamed(string verb)
    {
        var path = Path.Combine(_folder.Path, "nope.txt");
        InProcessCli.Run(verb, path, "--models", SharedData.Models).AssertFailure($"classifier: {path}: no such file.");
        InProcessCli.Run(verb, "--jsonl", path, "--models", SharedData.Models).AssertFailure($"classifier: {path}: no such file.");
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("summarize")]
    public void AFolderWithABadFileAnswersForTheOthersAndFails(string verb)
    {
        var folder = Path.Combine(_folder.Path, "articles");
        _folder.Write("articles/a.txt", "Lithium prices fell.");
        var bad = _folder.Write("articles/b.txt", [0xFF, 0xFE, 0x00, 0x41]);
        _folder.Write("articles/c.txt", "Cobalt output rose in Congo.");

        var result = InProcessCli.Run(verb, folder, "--format", "json", "--models", SharedData.Models);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["a.txt", "c.txt"], result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()));
        result.AssertMessage($"classifier: {bad}:1:1: not UTF-8 text:");
        result.AssertMessage("classifier: 1 file(s) of 3 skipped.");
    }

    [Theory]
    [InlineData("tag", """{"id":"b","text":""", "not valid JSON at byte 18")]
    [InlineData("summarize", """{"id":"b","text":""", "not valid JSON at byte 18")]
    [InlineData("tag", """["b"]""", "expected a JSON object")]
    [InlineData("summarize", """{"id":"b"}""", "field 'text' is missing or not a string")]
    [InlineData("summarize", """{"id":"b","text":"a","highlights":-1}""", "field 'highlights' must be a whole number of at least 0")]
    [InlineData("tag", """{"id":"b","text":"a\u0000b"}""", "field 'text', line 1, column 2: control character U+0000")]
    [InlineData("tag", """{"id":"b","text":"\ud800"}""", "a string holds an unpaired surrogate escape")]
    [InlineData("summarize", "\u00FF\u00FE binary", "not UTF-8 text")]
    public void JsonLinesWithABrokenRecordInTheMiddleAnswerTheOthersAndFail(string verb, string broken, string message)
    {
        var lines = new List<byte[]>
        {
            """{"id":"a","text":"Lithium prices fell."}"""u8.ToArray(),
            // The "binary" case is Latin-1 bytes, not the UTF-8 encoding of its characters.
            broken.StartsWith('\u00FF') ? Encoding.Latin1.GetBytes(broken) : Encoding.UTF8.GetBytes(broken),
            Array.Empty<byte>(), // a blank line, skipped
            """{"id":"c","text":"Cobalt output rose in Congo."}"""u8.ToArray(),
        };
        var path = _folder.Write("records.jsonl", [.. lines.SelectMany(line => line.Append((byte)'\n'))]);

        var result = InProcessCli.Run(verb, "--jsonl", path, "--models", SharedData.Models);

        Assert.Equal(1, result.ExitCode);
        var records = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal("a", records[0].GetProperty("id").GetString());
        Assert.Equal(1, records[0].GetProperty("schemaVersion").GetInt32());
        Assert.Contains($"{path}:2: {message}", records[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("c", records[2].GetProperty("id").GetString());
        Assert.Equal(1, records[2].GetProperty("schemaVersion").GetInt32());
        result.AssertMessage($"classifier: {path}:2: {message}");
        result.AssertMessage("classifier: 1 record(s) failed");
    }

    [Theory]
    [InlineData("missing folder", "nothing-here: no such model folder.")]
    [InlineData("empty folder", "manifest.json: missing;")]
    [InlineData("truncated model", "topic.zip: cannot load the model")]
    [InlineData("missing model", "western.zip: cannot open model 'western'")]
    [InlineData("malformed manifest", "manifest.json: not a valid model manifest")]
    public void AMissingOrCorruptBundleIsNamed(string damage, string message)
    {
        var bundle = damage switch
        {
            "missing folder" => Path.Combine(_folder.Path, "nothing-here"),
            "empty folder" => Directory.CreateDirectory(Path.Combine(_folder.Path, "empty")).FullName,
            _ => _folder.CopyBundle("bundle"),
        };
        switch (damage)
        {
            case "truncated model":
                File.WriteAllBytes(Path.Combine(bundle, "topic.zip"), File.ReadAllBytes(Path.Combine(bundle, "topic.zip"))[..1000]);
                break;
            case "missing model":
                File.Delete(Path.Combine(bundle, "western.zip"));
                break;
            case "malformed manifest":
                File.WriteAllText(Path.Combine(bundle, "manifest.json"), "{");
                break;
        }

        var article = _folder.Write("article.txt", "Lithium prices fell.");
        foreach (var verb in new[] { "tag", "summarize" })
            InProcessCli.Run(verb, article, "--models", bundle).AssertFailure(message);
        var records = _folder.Write("records.jsonl", """{"id":"a","text":"Lithium prices fell."}""");
        InProcessCli.Run("summarize", "--jsonl", records, "--models", bundle).AssertFailure(message);
    }

    [Theory]
    [InlineData("summarize", "--highlights", "-1")]
    [InlineData("summarize", "--highlights", "abc")]
    [InlineData("summarize", "--highlights", "2.5")]
    [InlineData("summarize", "--key-points", "-2")]
    [InlineData("summarize", "--max-tokens", "x")]
    [InlineData("summarize", "--max-chars", "99999999999")]
    [InlineData("summarize", "--format", "xml")]
    [InlineData("tag", "--format", "xml")]
    [InlineData("tag", "--input-format", "pdf")]
    public void ABadOptionValueIsNamedWithoutHelpOnStdout(string verb, string option, string value)
    {
        var article = _folder.Write("article.txt", "Lithium prices fell.");
        var result = InProcessCli.Run(verb, article, option, value, "--models", SharedData.Models);
        result.AssertFailure($"classifier: {option}");
        result.AssertMessage($"'{value}'");
        result.AssertMessage($"Run 'classifier {verb} --help' for usage.");
    }

    [Theory]
    [InlineData("md", "_Western sentences were found but left out: they do not fit the length budget._", "_No sentence of this article bears on Western interests._")]
    [InlineData("text", "  (Western sentences were found but left out: they do not fit the length budget.)", "  (none)")]
    public void SectionsEmptiedByTheBudgetDoNotSayThereIsNothing(string format, string overBudget, string none)
    {
        // The example article has Western sentences and many key points; 60 characters hold none of them.
        var article = SharedData.ExampleArticle;
        Assert.Contains(s_analyzer.Value.Analyze(File.ReadAllText(article)).Sentences, s => s.IsWestern);

        var budgeted = InProcessCli.Run("summarize", article, "--format", format, "--max-chars", "60", "--models", SharedData.Models);
        Assert.Equal(0, budgeted.ExitCode);
        Assert.Contains(overBudget, budgeted.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(none, budgeted.Stdout, StringComparison.Ordinal);
        if (format == "md")
            Assert.Contains("_Other sentences were left out: they do not fit the summary's options", budgeted.Stdout, StringComparison.Ordinal);

        var empty = InProcessCli.Run("summarize", _folder.Write("empty.txt", ""), "--format", format, "--models", SharedData.Models);
        Assert.Contains(none, empty.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(overBudget, empty.Stdout, StringComparison.Ordinal);
        if (format == "md")
            Assert.Contains("_No substantive paragraphs found._", empty.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NoInputIsNamed() =>
        InProcessCli.Run("summarize", "--models", SharedData.Models).AssertFailure("classifier: give an article FILE, a folder, - for standard input, or --jsonl.");

    // The indented JSON of a single article, compacted as the contract writes it, to compare.
    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Json(document.RootElement.WriteTo);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
