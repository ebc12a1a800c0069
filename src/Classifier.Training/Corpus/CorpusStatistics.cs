using System.Globalization;
using System.Text;

namespace Classifier.Training.Corpus;

/// <summary>Counts of articles, paragraphs per topic and Western sentences, per split.</summary>
public sealed record CorpusStatistics(
    IReadOnlyDictionary<string, int> Articles,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Topics,
    IReadOnlyDictionary<string, int> Sentences,
    IReadOnlyDictionary<string, int> WesternSentences,
    IReadOnlyDictionary<string, int> Highlights)
{
    /// <summary>Key sentences (<c>K:</c> lines) per split.</summary>
    public IReadOnlyDictionary<string, int> KeySentences { get; init; } = new Dictionary<string, int>();

    /// <summary>The key under which every count is totalled over the splits.</summary>
    public const string All = "all";

    /// <summary>Counts the corpus.</summary>
    public static CorpusStatistics Compute(TrainingCorpus corpus)
    {
        var splits = corpus.Articles.Select(a => a.Split).Distinct().Order(StringComparer.Ordinal).Append(All).ToList();
        var articles = splits.ToDictionary(s => s, _ => 0);
        var sentences = splits.ToDictionary(s => s, _ => 0);
        var western = splits.ToDictionary(s => s, _ => 0);
        var highlights = splits.ToDictionary(s => s, _ => 0);
        var keys = splits.ToDictionary(s => s, _ => 0);
        var topics = CorpusLabels.Topics.ToDictionary(t => t, _ => splits.ToDictionary(s => s, _ => 0));

        foreach (var article in corpus.Articles)
        {
            foreach (var split in new[] { article.Split, All })
            {
                articles[split]++;
                highlights[split] += article.Source.Highlights.Count;
                foreach (var paragraph in article.Paragraphs)
                {
                    topics[paragraph.Topic][split]++;
                    sentences[split] += paragraph.Sentences.Count;
                    western[split] += paragraph.Sentences.Count(s => s.Western);
                    keys[split] += paragraph.Sentences.Count(s => s.Key);
                }
            }
        }

        return new CorpusStatistics(
            articles,
            topics.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, int>)t.Value),
            sentences,
            western,
            highlights)
        {
            KeySentences = keys,
        };
    }

    /// <summary>Paragraphs per split (all topics).</summary>
    public int Paragraphs(string split) => Topics.Values.Sum(t => t.GetValueOrDefault(split));

    /// <summary>The counts as Markdown tables.</summary>
    public string ToMarkdown()
    {
        var splits = Articles.Keys.ToList();
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"| count | {string.Join(" | ", splits)} |");
        text.AppendLine(culture, $"| --- |{string.Concat(splits.Select(_ => " ---: |"))}");
        text.AppendLine(culture, $"| articles | {string.Join(" | ", splits.Select(s => Articles[s]))} |");
        text.AppendLine(culture, $"| paragraphs and bullets | {string.Join(" | ", splits.Select(Paragraphs))} |");
        foreach (var (topic, counts) in Topics)
            text.AppendLine(culture, $"| topic `{topic}` | {string.Join(" | ", splits.Select(s => Cell(counts[s], Paragraphs(s) - Topics[CorpusLabels.Other][s], topic != CorpusLabels.Other)))} |");
        text.AppendLine(culture, $"| sentences | {string.Join(" | ", splits.Select(s => Sentences[s]))} |");
        text.AppendLine(culture, $"| Western sentences | {string.Join(" | ", splits.Select(s => Cell(WesternSentences[s], Sentences[s], true)))} |");
        text.AppendLine(culture, $"| reference highlights | {string.Join(" | ", splits.Select(s => Highlights[s]))} |");
        text.AppendLine(culture, $"| key sentences | {string.Join(" | ", splits.Select(s => KeySentences.GetValueOrDefault(s)))} |");
        text.AppendLine();
        text.AppendLine("Topic shares are of substantive (non-`other`) paragraphs; the Western share is of all sentences.");
        return text.ToString();
    }

    private static string Cell(int count, int total, bool share) =>
        share && total > 0 ? string.Create(CultureInfo.InvariantCulture, $"{count} ({100.0 * count / total:F1}%)") : count.ToString(CultureInfo.InvariantCulture);
}
