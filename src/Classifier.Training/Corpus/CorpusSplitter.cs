using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Classifier.Training.Corpus;

/// <summary>Assigns articles to train, dev and test (about 70/10/20), stratified by their main topic, and writes it into each file.</summary>
/// <remarks>
/// The order within a stratum comes from a hash of the id, so the split is deterministic and an article keeps its split when
/// others are added. Only unassigned articles are placed unless <c>reassign</c> is set.
/// </remarks>
public static partial class CorpusSplitter
{
    private const string Salt = "classifier-corpus-split-v1:";

    [GeneratedRegex(@"^split:[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex SplitLine();

    /// <summary>Assigns splits and rewrites the files whose split changes; returns how many changed per split.</summary>
    public static IReadOnlyDictionary<string, int> Assign(string root, bool reassign)
    {
        var files = Directory.GetFiles(Path.Combine(root, TrainingCorpus.ArticlesFolder), "*.txt").Order(StringComparer.Ordinal).ToList();
        var articles = files.Select(CorpusArticleParser.Load).ToList();
        var changes = CorpusLabels.Splits.ToDictionary(s => s, _ => 0);

        foreach (var stratum in articles.GroupBy(MainTopic))
        {
            var ordered = stratum.OrderBy(a => Hash(a.Id), StringComparer.Ordinal).ToList();
            for (var k = 0; k < ordered.Count; k++)
            {
                var article = ordered[k];
                if (!reassign && article.Split != CorpusLabels.Unassigned)
                    continue;

                // Evenly spread positions: the first 70% of the stratum's order trains, the next 10% tunes, the rest tests.
                var position = (k + 0.5) / ordered.Count;
                var split = position < 0.7 ? "train" : position < 0.8 ? "dev" : "test";
                if (split == article.Split)
                    continue;

                var content = File.ReadAllText(article.Path, Encoding.UTF8);
                AtomicFile.WriteAllText(article.Path, SplitLine().Replace(content, $"split: {split}", 1));
                changes[split]++;
            }
        }

        return changes;
    }

    private static string MainTopic(CorpusArticle article) =>
        article.Labels.Where(l => l.Label is not (CorpusLabels.Heading or CorpusLabels.Other))
            .GroupBy(l => l.Label)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? CorpusLabels.Other;

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Salt + id)));
}
