using Classifier.Text;

namespace Classifier.Training.Corpus;

/// <summary>Matches an article's label lines, one for one, to the blocks and sentences the runtime reader finds.</summary>
public static class CorpusAligner
{
    /// <summary>Aligns labels to the reader's blocks; returns null and adds issues when they disagree.</summary>
    public static LabelledArticle? Align(CorpusArticle article, ArticleReader reader, ICollection<CorpusIssue> issues)
    {
        var document = reader.Read(article.Text);
        var paragraphs = new List<LabelledParagraph>();
        var blocks = document.Blocks;
        var failed = false;

        for (var i = 0; i < Math.Max(blocks.Count, article.Labels.Count); i++)
        {
            if (i >= article.Labels.Count)
            {
                issues.Add(new CorpusIssue(article.Path, article.Labels[^1].Line,
                    $"the reader finds more blocks than there are label lines; block {i} ({Describe(blocks[i])}) has no label"));
                return null;
            }

            var label = article.Labels[i];
            if (i >= blocks.Count)
            {
                issues.Add(new CorpusIssue(article.Path, label.Line,
                    $"label line for '{label.Prefix}' has no block: the reader finds only {blocks.Count} blocks"));
                return null;
            }

            var block = blocks[i];
            if (!Normalize(block.Text).StartsWith(Normalize(label.Prefix), StringComparison.Ordinal))
            {
                issues.Add(new CorpusIssue(article.Path, label.Line,
                    $"expected block {i} to start with '{label.Prefix}', but the reader's block {i} is {Describe(block)}"));
                return null;
            }

            var isHeading = label.Label == CorpusLabels.Heading;
            if (isHeading != (block.Kind == BlockKind.Heading))
            {
                issues.Add(new CorpusIssue(article.Path, label.Line,
                    $"labelled {label.Label}, but the reader reads '{Shorten(block.Text)}' as a {block.Kind.ToString().ToLowerInvariant()}"));
                failed = true;
                continue;
            }

            if (isHeading)
                continue;

            var western = Flags(article, label.Western, block, i, issues, ref failed);
            var keys = Flags(article, label.Keys, block, i, issues, ref failed);
            if (label.Keys.Count > 0 && !CorpusLabels.MayHoldKeySentences(block.Kind, label.Label))
            {
                issues.Add(new CorpusIssue(article.Path, label.Keys[0].Line,
                    $"key sentences come from body paragraphs, but block {i} is {(block.Kind == BlockKind.Paragraph ? "other" : "a " + block.Kind.ToString().ToLowerInvariant())}"));
                failed = true;
            }

            var sentences = block.Sentences.Select(s => new LabelledSentence(s.Index, s, western[s.Index], keys[s.Index])).ToList();
            paragraphs.Add(new LabelledParagraph(block.Index, block, label.Label, sentences));
        }

        return failed ? null : new LabelledArticle(article, document, paragraphs);
    }

    // Which sentences of the block the lines name ('W:' or 'K:'), each line matching exactly one sentence.
    private static bool[] Flags(CorpusArticle article, IReadOnlyList<(string Prefix, int Line)> lines, TextBlock block, int index, ICollection<CorpusIssue> issues, ref bool failed)
    {
        var flags = new bool[block.Sentences.Count];
        foreach (var (prefix, line) in lines)
        {
            var wanted = Normalize(prefix);
            var matches = block.Sentences.Where(s => Normalize(s.Text).StartsWith(wanted, StringComparison.Ordinal)).ToList();
            if (matches.Count != 1)
            {
                issues.Add(new CorpusIssue(article.Path, line, matches.Count == 0
                    ? $"no sentence of block {index} starts with '{prefix}'; its sentences start: {string.Join(" | ", block.Sentences.Select(s => Shorten(s.Text, 30)))}"
                    : $"'{prefix}' starts {matches.Count} sentences of block {index}; give more words"));
                failed = true;
                continue;
            }

            flags[matches[0].Index] = true;
        }

        return flags;
    }

    internal static string Normalize(string text) => WhiteSpace.Collapse(text);

    private static string Describe(TextBlock block) => $"a {block.Kind.ToString().ToLowerInvariant()} '{Shorten(block.Text)}'";

    private static string Shorten(string text, int length = 50)
    {
        var normalized = Normalize(text);
        return normalized.Length <= length ? normalized : normalized[..(length - 3)] + "...";
    }
}
