using System.Globalization;
using System.Text.RegularExpressions;

namespace Classifier.Training.Corpus;

/// <summary>Checks what alignment alone cannot: metadata, splits, and near-duplicate paragraphs.</summary>
public static partial class CorpusChecker
{
    private const int GramSize = 5;

    // Short boilerplate lines legitimately recur across outlets; only real paragraphs must be unique.
    private const int MinWordsForOtherDuplicateCheck = 12;

    private static readonly string[] s_outlets = ["trade-press", "newswire", "analyst-note", "results", "explainer", "interview", "feature", "opinion"];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    /// <summary>All problems of the corpus: those found on loading, plus metadata, split and duplicate checks.</summary>
    public static IReadOnlyList<CorpusIssue> Check(TrainingCorpus corpus, bool allowUnassigned = false)
    {
        var issues = new List<CorpusIssue>(corpus.Issues);
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        // Key sentences are optional for a corpus (salience then learns from the ROUGE oracle), but one that marks them
        // marks them in every article: an article left out would teach that it has none.
        var marksKeys = corpus.MarksKeySentences;
        foreach (var article in corpus.Articles)
        {
            var source = article.Source;
            if (Path.GetFileNameWithoutExtension(source.Path) != source.Id)
                issues.Add(new CorpusIssue(source.Path, 1, $"id '{source.Id}' differs from the file name"));
            if (!seenIds.TryAdd(source.Id, source.Path))
                issues.Add(new CorpusIssue(source.Path, 1, $"id '{source.Id}' is also used by {seenIds[source.Id]}"));
            if (!CorpusLabels.Splits.Contains(source.Split) && !(allowUnassigned && source.Split == CorpusLabels.Unassigned))
                issues.Add(new CorpusIssue(source.Path, 0, $"split '{source.Split}' (expected {string.Join(", ", CorpusLabels.Splits)}; run 'classifier corpus split')"));
            if (!s_outlets.Contains(source.Outlet))
                issues.Add(new CorpusIssue(source.Path, 0, $"outlet '{source.Outlet}' (expected one of {string.Join(", ", s_outlets)})"));
            if (!DateOnly.TryParseExact(source.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                issues.Add(new CorpusIssue(source.Path, 0, $"date '{source.Date}' (expected yyyy-MM-dd)"));
            if (source.Highlights.Count != 3)
                issues.Add(new CorpusIssue(source.Path, 0, $"{source.Highlights.Count} highlight lines (expected 3)"));
            if (article.Paragraphs.Count == 0)
                issues.Add(new CorpusIssue(source.Path, 0, "no labelled paragraph"));
            var bodySentences = article.Paragraphs.Where(p => p.MayHoldKeySentences).Sum(p => p.Sentences.Count);
            var keys = article.Paragraphs.Sum(p => p.Sentences.Count(s => s.Key));
            var wantedKeys = Math.Min(CorpusLabels.KeySentences, bodySentences);
            if (marksKeys && keys != wantedKeys)
                issues.Add(new CorpusIssue(source.Path, 0, $"{keys} key sentences ('K:' lines; expected {wantedKeys})"));
        }

        issues.AddRange(FindNearDuplicates(corpus));
        return issues;
    }

    /// <summary>Pairs of paragraphs sharing more than half of the word 5-grams of the shorter one.</summary>
    public static IEnumerable<CorpusIssue> FindNearDuplicates(TrainingCorpus corpus)
    {
        var paragraphs = new List<(LabelledArticle Article, LabelledParagraph Paragraph, HashSet<long> Grams)>();
        foreach (var article in corpus.Articles)
        {
            foreach (var paragraph in article.Paragraphs)
            {
                var words = WordPattern().Matches(paragraph.Text.ToLowerInvariant()).Select(m => m.Value).ToList();
                if (paragraph.Topic == CorpusLabels.Other && words.Count < MinWordsForOtherDuplicateCheck)
                    continue;
                var grams = new HashSet<long>();
                for (var i = 0; i + GramSize <= words.Count; i++)
                    grams.Add(HashGram(words, i));
                if (grams.Count > 0)
                    paragraphs.Add((article, paragraph, grams));
            }
        }

        var index = new Dictionary<long, List<int>>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            foreach (var gram in paragraphs[p].Grams)
            {
                if (!index.TryGetValue(gram, out var list))
                    index[gram] = list = [];
                list.Add(p);
            }
        }

        for (var p = 0; p < paragraphs.Count; p++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var gram in paragraphs[p].Grams)
            {
                foreach (var q in index[gram])
                {
                    if (q > p)
                        shared[q] = shared.GetValueOrDefault(q) + 1;
                }
            }

            foreach (var (q, count) in shared)
            {
                var smaller = Math.Min(paragraphs[p].Grams.Count, paragraphs[q].Grams.Count);
                if (count * 2 > smaller)
                {
                    var (a, pa, _) = paragraphs[p];
                    var (b, pb, _) = paragraphs[q];
                    yield return new CorpusIssue(a.Source.Path, 0,
                        $"paragraph {pa.Index} shares {count} of {smaller} word 5-grams with paragraph {pb.Index} of {b.Id}: near-duplicate");
                }
            }
        }
    }

    private static long HashGram(List<string> words, int start)
    {
        var hash = new HashCode();
        for (var i = start; i < start + GramSize; i++)
            hash.Add(words[i], StringComparer.Ordinal);
        // Two 32-bit hashes make collisions between distinct 5-grams negligible.
        return ((long)hash.ToHashCode() << 32) | (uint)string.Join(' ', words.GetRange(start, GramSize)).GetHashCode(StringComparison.Ordinal);
    }
}
