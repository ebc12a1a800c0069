using System.Text.RegularExpressions;

namespace Classifier.Analysis;

/// <summary>A headline cut into its clauses ("Shenghe Rallies Leadership in Baotou, Sharpens Focus on International Strategy
/// and Risk Controls" has three), each a set of word stems, so a summary can tell which parts of it no highlight touches.</summary>
internal static partial class Headline
{
    [GeneratedRegex(@"[,;:|—–]| and | as | - ", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    /// <summary>The clauses' content-word stems; none for an article without a title.</summary>
    public static List<HashSet<string>> Clauses(string? title) =>
        title is null
            ? []
            : [.. ClauseBreak().Split(title).Select(clause => SalienceFeatures.Stems(SalienceFeatures.Bag(clause).Keys)).Where(stems => stems.Count > 0)];
}
