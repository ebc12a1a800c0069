using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using Classifier.Training.Summaries;

namespace Classifier.Training.Corpus;

/// <summary>Writes the corpus as plain CSV tables: paragraphs, sentences and highlights.</summary>
public static class CorpusExporter
{
    /// <summary>The file names written into the output folder.</summary>
    public const string ParagraphsFile = "paragraphs.csv", SentencesFile = "sentences.csv", HighlightsFile = "highlights.csv", SummariesFile = "summaries.jsonl";

    /// <summary>Writes the three tables into <paramref name="folder"/>, each atomically.</summary>
    public static void Export(TrainingCorpus corpus, string folder)
    {
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, ParagraphsFile), corpus.Articles.SelectMany(a => a.Paragraphs.Select(p =>
            new ParagraphRow(a.Id, p.Index, p.Block.Kind.ToString().ToLowerInvariant(), p.Text, p.Topic, a.Split))));
        Write(Path.Combine(folder, SentencesFile), corpus.Articles.SelectMany(a => a.Paragraphs.SelectMany(p => p.Sentences.Select(s =>
            new SentenceRow(a.Id, p.Index, s.Index, s.Text, s.Western ? 1 : 0, s.Key ? 1 : 0, p.Topic, a.Split)))));
        Write(Path.Combine(folder, HighlightsFile), corpus.Articles.SelectMany(a => a.Source.Highlights.Select((h, i) =>
            new HighlightRow(a.Id, i, h, a.Split))));
        AtomicFile.Write(Path.Combine(folder, SummariesFile), stream => SummaryData.WriteJsonLines(stream, SummaryData.FromCorpus(corpus)));
    }

    private static void Write<T>(string path, IEnumerable<T> rows) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        // LF line ends, as the repository stores text; fields with line breaks or quotes are quoted (RFC 4180).
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        csv.WriteRecords(rows);
    });

    // Column names are snake_case, the convention of plain data tables; see training-data/README.md.
    private sealed record ParagraphRow(
        [property: Name("article_id")] string ArticleId, [property: Name("index")] int Index, [property: Name("kind")] string Kind,
        [property: Name("text")] string Text, [property: Name("topic")] string Topic, [property: Name("split")] string Split);

    private sealed record SentenceRow(
        [property: Name("article_id")] string ArticleId, [property: Name("paragraph")] int Paragraph, [property: Name("index")] int Index,
        [property: Name("text")] string Text, [property: Name("western")] int Western, [property: Name("key")] int Key, [property: Name("topic")] string Topic,
        [property: Name("split")] string Split);

    private sealed record HighlightRow(
        [property: Name("article_id")] string ArticleId, [property: Name("index")] int Index, [property: Name("text")] string Text,
        [property: Name("split")] string Split);
}
