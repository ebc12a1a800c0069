using System.CommandLine;
using System.Text.Json;
using Classifier.Text;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier read FILE|-</c>: prints the structure the reader finds.</summary>
internal static class ReadCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The article to read (plain text, Markdown or HTML), or - for standard input." };
        var format = new Option<string>("--format") { Description = "Output: json or text.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var inputFormat = new Option<ArticleFormat>("--input-format") { Description = "How to read the input.", DefaultValueFactory = _ => ArticleFormat.Auto };

        var command = new Command("read", "Cut an article into title, headings, paragraphs, bullets and sentences with offsets.")
        {
            file, format, inputFormat,
        };
        command.SetAction(result => CommandRunner.Run(console.Error, () =>
        {
            var reader = new ArticleReader(new ReaderOptions { Format = result.GetValue(inputFormat) });
            var document = reader.Read(CliInput.ReadText(result.GetValue(file)!, console));
            if (result.GetValue(format) == "text")
                WriteText(document, console.Out);
            else
                console.Out.WriteLine(JsonSerializer.Serialize(ToJson(document), CliJson.Options));
        }));
        return command;
    }

    internal static ReadResult ToJson(ArticleDocument document) => new(
        document.Title,
        document.Format.ToString().ToLowerInvariant(),
        [.. document.Blocks.Select(block => new ReadBlock(
            block.Kind.ToString().ToLowerInvariant(),
            block.Text,
            block.ContentSpan.Start,
            block.ContentSpan.Length,
            block.IsBoilerplate,
            [.. block.Sentences.Select(s => new ReadSentence(s.Text, s.Span.Start, s.Span.Length, s.TokenCount))]))]);

    private static void WriteText(ArticleDocument document, TextWriter output)
    {
        output.WriteLine($"title: {document.Title}");
        foreach (var block in document.Blocks)
        {
            var flag = block.IsBoilerplate ? " (boilerplate)" : string.Empty;
            output.WriteLine();
            output.WriteLine($"[{block.Index}] {block.Kind.ToString().ToLowerInvariant()}{flag} @{block.ContentSpan.Start}+{block.ContentSpan.Length}");
            if (block.Kind == BlockKind.Heading)
                output.WriteLine($"    {block.Text}");
            foreach (var sentence in block.Sentences)
                output.WriteLine($"  {sentence.Index + 1}. {sentence.Text}");
        }
    }

    internal sealed record ReadResult(string? Title, string Format, IReadOnlyList<ReadBlock> Blocks);

    internal sealed record ReadBlock(string Kind, string Text, int Start, int Length, bool Boilerplate, IReadOnlyList<ReadSentence> Sentences);

    internal sealed record ReadSentence(string Text, int Start, int Length, int Tokens);
}
