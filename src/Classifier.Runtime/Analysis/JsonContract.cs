using System.Text.Json;
using Classifier.Text;

namespace Classifier.Analysis;

/// <summary>Writes analyses and summaries in the versioned JSON contract that the CLI and the HTTP service share
/// (documented in <c>docs/json-contract.md</c>).</summary>
/// <remarks>Offsets (<c>start</c>, <c>length</c>) count UTF-16 code units of the text as given (for HTML, of the text the
/// reader extracted), as .NET and JavaScript strings do.</remarks>
public static class JsonContract
{
    /// <summary>The contract version; it changes only when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the <c>tag</c> object of <paramref name="analysis"/>; with an <paramref name="id"/>, it comes first.</summary>
    public static void WriteTag(Utf8JsonWriter writer, ArticleAnalysis analysis, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(analysis);
        writer.WriteStartObject();
        WriteHeader(writer, analysis, id);
        writer.WriteStartArray("paragraphs");
        foreach (var paragraph in analysis.Paragraphs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", paragraph.Index);
            writer.WriteString("kind", Kind(paragraph.Kind));
            writer.WriteString("text", paragraph.Text);
            writer.WriteNumber("start", paragraph.Span.Start);
            writer.WriteNumber("length", paragraph.Span.Length);
            writer.WriteBoolean("boilerplate", paragraph.IsBoilerplate);
            if (paragraph.Topic is null)
                writer.WriteNull("topic");
            else
                writer.WriteString("topic", paragraph.Topic);
            writer.WriteStartObject("topicScores");
            foreach (var (label, score) in paragraph.TopicScores)
                writer.WriteNumber(label, Round(score));
            writer.WriteEndObject();
            writer.WriteStartArray("sentences");
            foreach (var sentence in paragraph.Sentences)
            {
                writer.WriteStartObject();
                writer.WriteString("text", sentence.Text);
                writer.WriteNumber("start", sentence.Span.Start);
                writer.WriteNumber("length", sentence.Span.Length);
                writer.WriteBoolean("western", sentence.IsWestern);
                writer.WriteNumber("westernScore", Round(sentence.WesternScore));
                writer.WriteNumber("salience", Round(sentence.Salience));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>summarize</c> object of <paramref name="summary"/>; with an <paramref name="id"/>, it comes first.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, ArticleSummary summary, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        writer.WriteStartObject();
        WriteHeader(writer, summary.Analysis, id);
        WriteSentences(writer, "highlights", summary.Highlights);
        writer.WriteStartArray("keyPoints");
        foreach (var point in summary.KeyPoints)
        {
            writer.WriteStartObject();
            writer.WriteString("topic", point.Topic);
            WriteSentences(writer, "sentences", point.Sentences);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteSentences(writer, "west", summary.West);
        writer.WriteEndObject();
    }

    /// <summary>The <c>tag</c> JSON of <paramref name="analysis"/> as a string.</summary>
    public static string Tag(ArticleAnalysis analysis, string? id = null, bool indented = false) =>
        Write(writer => WriteTag(writer, analysis, id), indented);

    /// <summary>The <c>summarize</c> JSON of <paramref name="summary"/> as a string.</summary>
    public static string Summary(ArticleSummary summary, string? id = null, bool indented = false) =>
        Write(writer => WriteSummary(writer, summary, id), indented);

    private static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
            write(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteHeader(Utf8JsonWriter writer, ArticleAnalysis analysis, string? id)
    {
        if (id is not null)
            writer.WriteString("id", id);
        writer.WriteNumber("schemaVersion", SchemaVersion);
        if (analysis.Title is null)
            writer.WriteNull("title");
        else
            writer.WriteString("title", analysis.Title);
    }

    private static void WriteSentences(Utf8JsonWriter writer, string name, IReadOnlyList<SummarySentence> sentences)
    {
        writer.WriteStartArray(name);
        foreach (var sentence in sentences)
        {
            writer.WriteStartObject();
            writer.WriteString("text", sentence.Text);
            writer.WriteNumber("start", sentence.Start);
            writer.WriteNumber("length", sentence.Length);
            writer.WriteNumber("paragraph", sentence.Paragraph);
            if (sentence.Topic is null)
                writer.WriteNull("topic");
            else
                writer.WriteString("topic", sentence.Topic);
            writer.WriteNumber("score", Round(sentence.Score));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Kind(BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.Bullet => "bullet",
        _ => "paragraph",
    };

    // Four decimals: enough for any decision, and the JSON stays readable.
    private static double Round(float value) => Math.Round(value, 4);
}
