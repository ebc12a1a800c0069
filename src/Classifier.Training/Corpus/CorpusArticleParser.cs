using System.Text;
using System.Text.RegularExpressions;

namespace Classifier.Training.Corpus;

/// <summary>Reads the article file format described in <c>training-data/README.md</c>.</summary>
public static partial class CorpusArticleParser
{
    private const string Separator = "---";

    [GeneratedRegex(@"^\[(?<label>[a-z]+)\]\s+(?<prefix>\S.*)$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^\s+(?<kind>[WK]):\s+(?<prefix>\S.*)$")]
    private static partial Regex SentencePattern();

    /// <summary>Reads one article file.</summary>
    /// <exception cref="CorpusFormatException">The file breaks the format; the message says where and how.</exception>
    public static CorpusArticle Load(string path) => Parse(path, File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses the content of an article file; <paramref name="path"/> is used in messages.</summary>
    /// <exception cref="CorpusFormatException">The content breaks the format.</exception>
    public static CorpusArticle Parse(string path, string content)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var highlights = new List<string>();
        var labels = new List<LabelLine>();
        var inLabels = false;
        var position = 0;
        var lineNumber = 0;

        while (position < content.Length)
        {
            var end = content.IndexOf('\n', position);
            var lineEnd = end < 0 ? content.Length : end;
            var line = content[position..lineEnd].TrimEnd('\r');
            position = end < 0 ? content.Length : end + 1;
            lineNumber++;

            if (line.TrimEnd() == Separator)
            {
                return Build(path, header, highlights, labels, content[position..], lineNumber + 1);
            }

            if (line.Trim().Length == 0)
                continue;

            if (inLabels)
            {
                ParseLabelLine(path, line, lineNumber, labels);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw Error(path, lineNumber, $"expected a 'key: value' header line, found '{Shorten(line)}'");

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "labels":
                    inLabels = true;
                    break;
                case "highlight":
                    if (value.Length == 0)
                        throw Error(path, lineNumber, "a highlight line needs its text");
                    highlights.Add(value);
                    break;
                case "id" or "outlet" or "date" or "split":
                    if (!header.TryAdd(key, value))
                        throw Error(path, lineNumber, $"'{key}' is given twice");
                    break;
                default:
                    throw Error(path, lineNumber, $"unknown header key '{key}' (expected id, outlet, date, split, highlight or labels)");
            }
        }

        throw Error(path, lineNumber, $"no '{Separator}' line before the article text");
    }

    private static void ParseLabelLine(string path, string line, int lineNumber, List<LabelLine> labels)
    {
        var sentence = SentencePattern().Match(line);
        if (sentence.Success)
        {
            var kind = sentence.Groups["kind"].Value;
            if (labels.Count == 0)
                throw Error(path, lineNumber, $"a '{kind}:' line must follow a label line");

            var last = labels[^1];
            if (last.Label is CorpusLabels.Heading or CorpusLabels.Other)
                throw Error(path, lineNumber, $"a {last.Label} cannot hold {(kind == "W" ? "Western" : "key")} sentences");

            var list = kind == "W" ? last.Western : last.Keys;
            ((List<(string, int)>)list).Add((sentence.Groups["prefix"].Value.Trim(), lineNumber));
            return;
        }

        var label = LabelPattern().Match(line);
        if (!label.Success)
            throw Error(path, lineNumber, $"expected '[topic] first words', '  W: first words' or '  K: first words', found '{Shorten(line)}'");

        var value = label.Groups["label"].Value;
        if (value != CorpusLabels.Heading && !CorpusLabels.Topics.Contains(value))
            throw Error(path, lineNumber, $"unknown label '{value}' (expected heading or one of {string.Join(", ", CorpusLabels.Topics)})");

        labels.Add(new LabelLine(value, label.Groups["prefix"].Value.Trim(), new List<(string, int)>(), lineNumber) { Keys = new List<(string, int)>() });
    }

    private static CorpusArticle Build(
        string path, Dictionary<string, string> header, List<string> highlights, List<LabelLine> labels, string text, int textLine)
    {
        foreach (var key in new[] { "id", "outlet", "date", "split" })
        {
            if (!header.ContainsKey(key))
                throw Error(path, 1, $"the header has no '{key}:' line");
        }

        if (labels.Count == 0)
            throw Error(path, textLine - 1, "the article has no label lines");

        return new CorpusArticle(path, header["id"], header["outlet"], header["date"], header["split"], highlights, labels, text, textLine);
    }

    private static CorpusFormatException Error(string path, int line, string message) => new(new CorpusIssue(path, line, message));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
