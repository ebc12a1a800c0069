using System.Text.Json;
using System.Text.RegularExpressions;
using Classifier.Tests.Support;
using Classifier.Text;

namespace Classifier.Tests.Text;

/// <summary>Measures the reader's sentences against the extractive references of BBC News Summary.</summary>
public sealed partial class BbcSegmentationTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [Fact]
    public void AtLeast98PercentOfReferenceSentencesAreExactlyOneReaderSentence()
    {
        var path = SharedData.Require(SharedData.BbcArticles);
        int total = 0, matched = 0;
        var misses = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var article = root.GetProperty("title").GetString() + "\n\n" + root.GetProperty("text").GetString();
            var sentences = ArticleReader.Default.Read(article).EnumerateSentences()
                .Select(pair => Normalize(pair.Sentence.Text))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var reference in root.GetProperty("summary").EnumerateArray())
            {
                total++;
                var text = Normalize(reference.GetString()!);
                if (sentences.Contains(text))
                    matched++;
                else if (misses.Count < 40)
                    misses.Add(text);
            }
        }

        var share = (double)matched / total;
        output.WriteLine($"reference sentences: {total}, exactly one reader sentence: {matched} ({share:P2})");
        foreach (var miss in misses)
            output.WriteLine($"  miss: {miss}");

        Assert.True(share >= 0.98, $"only {share:P2} of {total} reference sentences match one reader sentence");
    }

    private static string Normalize(string text) => WhiteSpace().Replace(text, " ").Trim();
}
