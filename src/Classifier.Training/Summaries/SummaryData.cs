using System.Text;
using System.Text.Json;
using Classifier.Text;
using Classifier.Training.Corpus;

namespace Classifier.Training.Summaries;

/// <summary>Reads articles with reference summaries: the project corpus (its highlights) or JSON Lines such as BBC News Summary.</summary>
public static class SummaryData
{
    /// <summary>The corpus articles with their highlights as the reference; the headline apart from the body (as BBC News
    /// Summary has it), and the body without the article's own highlight box.</summary>
    /// <remarks>Many articles open with a bulleted "Highlights" box that the reference highlights paraphrase; a summarizer
    /// that copied it would be scored on the answer key, so every system (the project's and the peers') gets the text without
    /// it.</remarks>
    public static List<SummaryArticle> FromCorpus(TrainingCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return [.. corpus.Articles.Select(a =>
        {
            var body = WithoutHighlightBox(a.Document);
            if (a.Document.TitleSpan is { } title)
                body = body[title.End..].TrimStart('\r', '\n');
            return new SummaryArticle(a.Id, a.Document.Title ?? "", body, a.Source.Highlights, a.Split, "corpus")
            {
                KeySentences = [.. a.Paragraphs.SelectMany(p => p.Sentences).Where(s => s.Key).Select(s => s.Text)],
            };
        })];
    }

    /// <summary>The document's text without the bullets (and the heading over them) that come before its first paragraph.</summary>
    public static string WithoutHighlightBox(ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        var firstParagraph = blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph && !b.IsBoilerplate);
        var bullets = blocks.TakeWhile(b => b != firstParagraph).Where(b => b.Kind == BlockKind.Bullet).ToList();
        if (bullets.Count == 0)
            return document.Text;

        // Cut from the heading over the first bullet (if any) to the end of the last bullet.
        var first = blocks.TakeWhile(b => b != bullets[0]).LastOrDefault();
        var start = first is { Kind: BlockKind.Heading } heading ? heading.Span.Start : bullets[0].Span.Start;
        var end = bullets[^1].Span.End;
        return string.Concat(document.Text.AsSpan(0, start), document.Text.AsSpan(end));
    }

    /// <summary>Reads JSON Lines records <c>{"id", "title"?, "text", "summary" | "highlights": [sentences], "split"?}</c>.</summary>
    /// <exception cref="InvalidDataException">A line is not such a record; the message names the file, line and field.</exception>
    public static List<SummaryArticle> ReadJsonLines(string path, string source)
    {
        var articles = new List<SummaryArticle>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string Field(string name, bool required)
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                        return value.GetString()!;
                    return required ? throw new InvalidDataException($"{path}:{lineNumber}: field '{name}' is missing or not a string.") : "";
                }

                var reference = root.TryGetProperty("summary", out var summary) || root.TryGetProperty("highlights", out summary)
                    ? summary.EnumerateArray().Select(s => s.GetString() ?? "").ToList()
                    : throw new InvalidDataException($"{path}:{lineNumber}: field 'summary' (or 'highlights') is missing.");
                var title = Field("title", required: false);
                var text = Field("text", required: true);
                articles.Add(new SummaryArticle(Field("id", required: true), title, text, reference, Field("split", required: false), source));
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object ({error.Message}).", error);
            }
            catch (InvalidOperationException error)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: field 'summary' must be an array of strings ({error.Message}).", error);
            }
        }

        return articles;
    }

    /// <summary>Writes records for the peers' <c>summarize.py</c>: <c>{"id", "title", "text", "highlights", "split"}</c>, the
    /// text without the headline.</summary>
    public static void WriteJsonLines(Stream stream, IEnumerable<SummaryArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        using var writer = new Utf8JsonWriter(stream);
        foreach (var article in articles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", article.Id);
            writer.WriteString("title", article.Title);
            writer.WriteString("text", article.Body);
            writer.WriteStartArray("highlights");
            foreach (var sentence in article.Reference)
                writer.WriteStringValue(sentence);
            writer.WriteEndArray();
            writer.WriteString("split", article.Split);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
