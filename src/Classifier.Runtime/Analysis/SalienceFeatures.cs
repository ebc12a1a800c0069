using System.Runtime.InteropServices;
using Classifier.Text;

namespace Classifier.Analysis;

/// <summary>The non-lexical features the salience model ranks sentences by: position, length, centrality, overlap with the
/// title, density of numbers and names, and the topic, Western and key-sentence models' probabilities.</summary>
/// <remarks>No feature names a word, so the model transfers between outlets and subjects (it also learns from BBC news);
/// what the words say reaches it only through the text models' probabilities.
/// Training and prediction both compute features here.</remarks>
internal static class SalienceFeatures
{
    /// <summary>Feature names, in vector order (recorded in the manifest).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "relativePosition", "sentenceOrdinal", "paragraphOrdinal", "indexInParagraph", "paragraphSentences", "isBullet",
        "words", "centroidSimilarity", "meanSimilarity", "paragraphCentrality", "titleOverlap", "titleCoverage", "numberDensity",
        "capitalDensity", "hasQuote", "endsWithColon", "logCandidates", "sectionOrdinal", "otherProbability",
        "topicConfidence", "westernProbability", "keyProbability",
    ];

    /// <summary>The length of a feature vector.</summary>
    public const int Count = 22;

    // Words too common to say what a sentence is about; kept out of centrality and title overlap.
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "had", "have", "he", "her",
        "his", "in", "is", "it", "its", "of", "on", "or", "said", "she", "that", "the", "their", "they", "this", "to", "was",
        "were", "which", "will", "with", "would", "we", "not", "also", "after", "than", "more", "into", "over", "about",
    };

    /// <summary>A sentence the summary may choose, with what the features need of its paragraph.</summary>
    public readonly record struct Candidate(TextBlock Block, Sentence Sentence, int ParagraphOrdinal, int SectionOrdinal,
        float OtherProbability, float TopicConfidence, float WesternProbability, float KeyProbability);

    /// <summary>One feature vector per candidate, in candidate order, and each candidate's unit term vector (for redundancy).</summary>
    public static (float[][] Features, Dictionary<string, double>[] Vectors) Compute(ArticleDocument document, IReadOnlyList<Candidate> candidates)
    {
        var n = candidates.Count;
        var result = new float[n][];
        if (n == 0)
            return (result, []);

        // Term vectors of each sentence, weighted by how rare a word is across the article's sentences.
        var bags = new Dictionary<string, int>[n];
        var sentenceFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            bags[i] = Bag(candidates[i].Sentence.Text);
            foreach (var word in bags[i].Keys)
                CollectionsMarshal.GetValueRefOrAddDefault(sentenceFrequency, word, out _)++;
        }

        var vectors = new Dictionary<string, double>[n];
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            vectors[i] = new Dictionary<string, double>(bags[i].Count, StringComparer.Ordinal);
            foreach (var (word, count) in bags[i])
            {
                var weight = count * Math.Log(1 + (double)n / sentenceFrequency[word]);
                vectors[i][word] = weight;
                CollectionsMarshal.GetValueRefOrAddDefault(centroid, word, out _) += weight;
            }

            Normalize(vectors[i]);
        }

        Normalize(centroid);
        var paragraphVectors = new Dictionary<int, double>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => candidates[i].Block.Index))
        {
            var sum = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var i in group)
            {
                foreach (var (word, weight) in vectors[i])
                    CollectionsMarshal.GetValueRefOrAddDefault(sum, word, out _) += weight;
            }

            Normalize(sum);
            paragraphVectors[group.Key] = Cosine(sum, centroid);
        }

        // Mean similarity to the other sentences without comparing every pair: the vectors are unit length, so the sum of
        // the cosines of sentence i with all others is v_i · (sum of all vectors) - v_i · v_i. Linear, not quadratic, in n.
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var vector in vectors)
        {
            foreach (var (word, weight) in vector)
                CollectionsMarshal.GetValueRefOrAddDefault(total, word, out _) += weight;
        }

        var similaritySums = new double[n];
        for (var i = 0; i < n; i++)
            similaritySums[i] = Cosine(vectors[i], total) - Cosine(vectors[i], vectors[i]);

        // Title words and sentence words compared by their first six letters, so "internationalization" meets "International".
        var title = document.Title is { } t ? Stems(Bag(t).Keys) : [];
        var paragraphSentences = candidates.GroupBy(c => c.Block.Index).ToDictionary(g => g.Key, g => g.Count());
        var logCandidates = (float)Math.Log(n);
        for (var i = 0; i < n; i++)
        {
            var candidate = candidates[i];
            var text = candidate.Sentence.Text;
            var (words, numbers, capitals) = Shape(text);
            var stems = Stems(bags[i].Keys);
            var shared = stems.Count(title.Contains);
            var titleOverlap = stems.Count == 0 ? 0 : shared / (double)stems.Count;
            var titleCoverage = title.Count == 0 ? 0 : shared / (double)title.Count;
            result[i] =
            [
                n == 1 ? 0 : i / (float)(n - 1),
                Math.Min(i, 60),
                Math.Min(candidate.ParagraphOrdinal, 40),
                IndexInParagraph(candidate),
                paragraphSentences[candidate.Block.Index],
                candidate.Block.Kind == BlockKind.Bullet ? 1 : 0,
                Math.Min(words, 120),
                (float)Cosine(vectors[i], centroid),
                n == 1 ? 0 : (float)(similaritySums[i] / (n - 1)),
                (float)paragraphVectors[candidate.Block.Index],
                (float)titleOverlap,
                (float)titleCoverage,
                words == 0 ? 0 : numbers / (float)words,
                words == 0 ? 0 : capitals / (float)words,
                text.AsSpan().IndexOfAny("\"“”") >= 0 ? 1 : 0,
                text.TrimEnd().EndsWith(':') ? 1 : 0,
                logCandidates,
                Math.Min(candidate.SectionOrdinal, 10),
                candidate.OtherProbability,
                candidate.TopicConfidence,
                candidate.WesternProbability,
                candidate.KeyProbability,
            ];
        }

        return (result, vectors);
    }

    /// <summary>Lower-cased content words and their counts.</summary>
    internal static Dictionary<string, int> Bag(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            if (word.Length > 1 && !s_stopWords.Contains(word))
                CollectionsMarshal.GetValueRefOrAddDefault(bag, word, out _)++;
        }

        return bag;
    }

    /// <summary>Words by their first six letters, so "internationalization" meets "International".</summary>
    internal static HashSet<string> Stems(IEnumerable<string> words) =>
        new(words.Select(w => w.Length > 6 ? w[..6] : w), StringComparer.Ordinal);

    /// <summary>Runs of letters and digits, lower-cased.</summary>
    internal static IEnumerable<string> Words(string text) =>
        WordSpans(text).Select(w => text.Substring(w.Start, w.Length).ToLowerInvariant());

    // Where each run of letters and digits starts, and its length.
    private static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    private static int IndexInParagraph(Candidate candidate)
    {
        var sentences = candidate.Block.Sentences;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (ReferenceEquals(sentences[i], candidate.Sentence))
                return Math.Min(i, 10);
        }

        return 0;
    }

    // Words, words with a digit, and capitalised words after the first (a rough count of names).
    private static (int Words, int Numbers, int Capitals) Shape(string text)
    {
        int words = 0, numbers = 0, capitals = 0;
        foreach (var (start, length) in WordSpans(text))
        {
            var word = text.AsSpan(start, length);
            if (word.IndexOfAnyInRange('0', '9') >= 0)
                numbers++;
            else if (words > 0 && char.IsUpper(word[0]))
                capitals++;
            words++;
        }

        return (words, numbers, capitals);
    }

    private static void Normalize(Dictionary<string, double> vector)
    {
        var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        if (norm == 0)
            return;
        foreach (var key in vector.Keys.ToArray())
            vector[key] /= norm;
    }

    internal static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count)
            (a, b) = (b, a);
        double dot = 0;
        foreach (var (word, weight) in a)
        {
            if (b.TryGetValue(word, out var other))
                dot += weight * other;
        }

        return dot;
    }
}
