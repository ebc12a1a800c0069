using System.Collections.Concurrent;

namespace Classifier.Training.Evaluation;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L F1, computed as the peer scorer <c>rouge.py</c> (and the rouge-score package) does.</summary>
/// <remarks>
/// Tokens are the lower-cased runs of <c>[a-z0-9]</c>, tokens longer than three characters stemmed with NLTK's Porter
/// stemmer; ROUGE-N is the F1 of clipped n-gram overlap and ROUGE-L the F1 of the longest common subsequence of the
/// whole summary and the whole reference (rouge-score's <c>rougeL</c>, not the sentence-wise <c>rougeLsum</c>). A list of
/// sentences counts as the sentences joined by spaces, so bigrams span sentence boundaries, as in <c>rouge.py</c>.
/// Corpus figures are the mean of the per-document scores (<see cref="Mean"/>). The arithmetic follows <c>rouge.py</c>
/// step by step, so the numbers agree with it to the last bit, not just to two decimals. Thread-safe.
/// </remarks>
public static class Rouge
{
    // Stems (and short tokens, which this interns) are cached: a corpus repeats a few tens of thousands of words, and
    // stemming is most of the cost of scoring. The cap keeps a stream of odd tokens (numbers, codes) from growing it forever.
    private const int MaxCachedTokens = 1 << 20;

    private static readonly ConcurrentDictionary<string, string> s_stems = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_stemLookup =
        s_stems.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int s_cachedTokens;

    /// <summary>Scores a summary against a reference, both given as sentences.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RougeScores Score(IReadOnlyList<string> candidateSentences, IReadOnlyList<string> referenceSentences)
    {
        ArgumentNullException.ThrowIfNull(candidateSentences);
        ArgumentNullException.ThrowIfNull(referenceSentences);
        var candidate = TokenizeAll(candidateSentences);
        var reference = TokenizeAll(referenceSentences);

        // Only tokens of the reference can match; every other token becomes -1.
        var (vocabulary, referenceIds) = IndexReference(reference);

        var candidateIds = new int[candidate.Count];
        for (var i = 0; i < candidate.Count; i++)
            candidateIds[i] = vocabulary.GetValueOrDefault(candidate[i], -1);

        var unmatched = new int[vocabulary.Count];
        foreach (var id in referenceIds)
            unmatched[id]++;
        var unigrams = 0;
        foreach (var id in candidateIds)
        {
            if (id >= 0 && unmatched[id] > 0)
            {
                unmatched[id]--;
                unigrams++;
            }
        }

        var unmatchedBigrams = new Dictionary<long, int>();
        for (var i = 1; i < referenceIds.Length; i++)
        {
            var key = BigramKey(referenceIds[i - 1], referenceIds[i]);
            unmatchedBigrams[key] = unmatchedBigrams.GetValueOrDefault(key) + 1;
        }

        var bigrams = 0;
        for (var i = 1; i < candidateIds.Length; i++)
        {
            if (candidateIds[i - 1] < 0 || candidateIds[i] < 0)
                continue;
            var key = BigramKey(candidateIds[i - 1], candidateIds[i]);
            if (unmatchedBigrams.TryGetValue(key, out var left) && left > 0)
            {
                unmatchedBigrams[key] = left - 1;
                bigrams++;
            }
        }

        var lcs = LongestCommonSubsequence(candidateIds, referenceIds);
        return new RougeScores(
            100 * F1(unigrams, candidate.Count, reference.Count),
            100 * F1(bigrams, Math.Max(candidate.Count - 1, 0), Math.Max(reference.Count - 1, 0)),
            100 * F1(lcs, candidate.Count, reference.Count));
    }

    /// <summary>The mean of per-document scores, as <c>rouge.py</c> averages a corpus; zero for no documents.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    public static RougeScores Mean(IEnumerable<RougeScores> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double rouge1 = 0, rouge2 = 0, rougeL = 0;
        var count = 0;
        foreach (var score in scores)
        {
            rouge1 += score.Rouge1;
            rouge2 += score.Rouge2;
            rougeL += score.RougeL;
            count++;
        }

        return count == 0 ? RougeScores.Zero : new RougeScores(rouge1 / count, rouge2 / count, rougeL / count);
    }

    /// <summary>The tokens ROUGE compares: lower-cased runs of a-z and 0-9, those longer than three characters Porter-stemmed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        AppendTokens(text, tokens);
        return tokens;
    }

    /// <summary>
    /// The extractive oracle of the peer <c>summarize.py</c>: picks sentences one at a time, each time the one that most
    /// raises ROUGE-1 F1 + ROUGE-2 F1 of the chosen sentences (in document order) against the reference, and stops at
    /// <paramref name="maxSentences"/> or when no sentence raises the sum.
    /// </summary>
    /// <param name="sentences">The document's sentences, in order.</param>
    /// <param name="reference">The reference summary's sentences.</param>
    /// <param name="maxSentences">The most sentences to pick.</param>
    /// <returns>The indices of the chosen sentences, ascending.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<int> GreedyOracle(IReadOnlyList<string> sentences, IReadOnlyList<string> reference, int maxSentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(reference);
        return new OracleSearch(sentences, TokenizeAll(reference)).Run(maxSentences);
    }

    private static List<string> TokenizeAll(IReadOnlyList<string> sentences)
    {
        var tokens = new List<string>();
        foreach (var sentence in sentences)
            AppendTokens(sentence, tokens);
        return tokens;
    }

    /// <summary>F1 exactly as <c>rouge.py</c> computes it, so that sums and comparisons agree bit for bit.</summary>
    internal static double F1(int overlap, int systemCount, int referenceCount)
    {
        if (overlap == 0 || systemCount == 0 || referenceCount == 0)
            return 0.0;
        var precision = (double)overlap / systemCount;
        var recall = (double)overlap / referenceCount;
        return 2 * precision * recall / (precision + recall);
    }

    internal static long BigramKey(int first, int second) => ((long)first << 32) | (uint)second;

    private static void AppendTokens(string text, List<string> tokens)
    {
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded == '\0')
            {
                Flush(buffer, ref length, tokens);
                continue;
            }

            if (length == buffer.Length)
            {
                var grown = new char[buffer.Length * 2];
                buffer.CopyTo(grown);
                buffer = grown;
            }

            buffer[length++] = folded;

            // Python lower-cases U+0130 to i and a combining dot, and the dot ends the token.
            if (c == '\u0130')
                Flush(buffer, ref length, tokens);
        }

        Flush(buffer, ref length, tokens);
    }

    private static void Flush(Span<char> buffer, ref int length, List<string> tokens)
    {
        if (length == 0)
            return;
        tokens.Add(StemToken(buffer[..length]));
        length = 0;
    }

    /// <summary>The character as Python's <c>lower()</c> leaves it if that is in [a-z0-9], else NUL (a separator).</summary>
    private static char Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c,
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        // The only other characters whose lower case is ASCII: dotted capital I and the Kelvin sign.
        '\u0130' => 'i',
        '\u212A' => 'k',
        _ => '\0',
    };

    private static string StemToken(ReadOnlySpan<char> token)
    {
        if (s_stemLookup.TryGetValue(token, out var cached))
            return cached;

        var word = token.ToString();
        var stem = word.Length > 3 ? PorterStemmer.Stem(word) : word;
        if (Volatile.Read(ref s_cachedTokens) < MaxCachedTokens && s_stems.TryAdd(word, stem))
            Interlocked.Increment(ref s_cachedTokens);
        return stem;
    }

    /// <summary>Length of the longest common subsequence; tokens absent from the reference (-1) can never match.</summary>
    private static int LongestCommonSubsequence(int[] candidate, int[] reference)
    {
        if (candidate.Length == 0 || reference.Length == 0)
            return 0;
        var previous = new int[reference.Length + 1];
        var current = new int[reference.Length + 1];
        foreach (var token in candidate)
        {
            if (token < 0)
                continue;
            for (var j = 1; j <= reference.Length; j++)
                current[j] = token == reference[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }

        return previous[reference.Length];
    }

    /// <summary>Numbers the distinct tokens of a reference and returns each token's number, for counting overlaps by id.</summary>
    internal static (Dictionary<string, int> Vocabulary, int[] Ids) IndexReference(IReadOnlyList<string> reference)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[reference.Count];
        for (var i = 0; i < reference.Count; i++)
        {
            if (!vocabulary.TryGetValue(reference[i], out var id))
                vocabulary.Add(reference[i], id = vocabulary.Count);
            ids[i] = id;
        }

        return (vocabulary, ids);
    }
}
