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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_stopWordLookup =
        s_stopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A sentence the summary may choose, with what the features need of its paragraph.</summary>
    public readonly record struct Candidate(TextBlock Block, Sentence Sentence, int ParagraphOrdinal, int SectionOrdinal,
        float OtherProbability, float TopicConfidence, float WesternProbability, float KeyProbability);

    /// <summary>One feature vector per candidate, in candidate order, and each candidate's unit term vector (for redundancy).</summary>
    /// <remarks>The sums run over arrays of word ids but add in the order of the dictionaries these features were first
    /// computed with (words in the order first seen), so the values are bit for bit those the shipped salience models
    /// learned from.</remarks>
    public static (float[][] Features, Dictionary<string, double>[] Vectors) Compute(ArticleDocument document, IReadOnlyList<Candidate> candidates)
    {
        var n = candidates.Count;
        var result = new float[n][];
        if (n == 0)
            return (result, []);

        var (words, bags) = NumberWords(candidates);
        var vocabulary = words.Count;
        var sentenceFrequency = new int[vocabulary];
        foreach (var bag in bags)
        {
            foreach (var (id, _) in bag)
                sentenceFrequency[id]++;
        }

        // Term vectors of each sentence, weighted by how rare a word is across the article's sentences, and their centroid.
        var weights = new double[n][];
        var centroid = new double[vocabulary];
        for (var i = 0; i < n; i++)
        {
            var bag = bags[i];
            weights[i] = new double[bag.Length];
            for (var k = 0; k < bag.Length; k++)
            {
                var weight = bag[k].Count * Math.Log(1 + (double)n / sentenceFrequency[bag[k].Id]);
                weights[i][k] = weight;
                centroid[bag[k].Id] += weight;
            }

            Normalize(weights[i]);
        }

        Normalize(centroid);

        var (paragraphCentrality, paragraphSentences) = ParagraphCentrality(candidates, bags, weights, centroid);

        // Mean similarity to the other sentences without comparing every pair: the vectors are unit length, so the sum of
        // the cosines of sentence i with all others is v_i · (sum of all vectors) - v_i · v_i. Linear, not quadratic, in n.
        var total = new double[vocabulary];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < bags[i].Length; k++)
                total[bags[i][k].Id] += weights[i][k];
        }

        // Title words and sentence words compared by their first six letters, so "internationalization" meets "International".
        var title = document.Title is { } t ? Stems(Bag(t).Keys) : new HashSet<string>(StringComparer.Ordinal);
        var titleLookup = title.GetAlternateLookup<ReadOnlySpan<char>>();
        var sharesTitle = new bool[vocabulary];
        var stemIds = new int[vocabulary];
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        var stemLookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var id = 0; id < vocabulary; id++)
        {
            var stem = words[id].AsSpan(0, Math.Min(words[id].Length, 6));
            if (!stemLookup.TryGetValue(stem, out stemIds[id]))
                stemLookup[stem] = stemIds[id] = stems.Count;
            sharesTitle[id] = titleLookup.Contains(stem);
        }

        var stemSeen = new int[stems.Count];
        var logCandidates = (float)Math.Log(n);
        for (var i = 0; i < n; i++)
        {
            var candidate = candidates[i];
            var text = candidate.Sentence.Text;
            var (wordCount, numbers, capitals) = Shape(text);
            double toCentroid = 0, toTotal = 0, toSelf = 0;
            int distinctStems = 0, shared = 0;
            for (var k = 0; k < bags[i].Length; k++)
            {
                var id = bags[i][k].Id;
                var weight = weights[i][k];
                toCentroid += weight * centroid[id];
                toTotal += weight * total[id];
                toSelf += weight * weight;
                if (stemSeen[stemIds[id]] != i + 1)
                {
                    stemSeen[stemIds[id]] = i + 1;
                    distinctStems++;
                    if (sharesTitle[id])
                        shared++;
                }
            }

            var titleOverlap = distinctStems == 0 ? 0 : shared / (double)distinctStems;
            var titleCoverage = title.Count == 0 ? 0 : shared / (double)title.Count;
            result[i] =
            [
                n == 1 ? 0 : i / (float)(n - 1),
                Math.Min(i, 60),
                Math.Min(candidate.ParagraphOrdinal, 40),
                IndexInParagraph(candidate),
                paragraphSentences[candidate.Block.Index],
                candidate.Block.Kind == BlockKind.Bullet ? 1 : 0,
                Math.Min(wordCount, 120),
                (float)toCentroid,
                n == 1 ? 0 : (float)((toTotal - toSelf) / (n - 1)),
                (float)paragraphCentrality[candidate.Block.Index],
                (float)titleOverlap,
                (float)titleCoverage,
                wordCount == 0 ? 0 : numbers / (float)wordCount,
                wordCount == 0 ? 0 : capitals / (float)wordCount,
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

        // The summary compares sentences by these vectors (maximal marginal relevance) and reads their words.
        var vectors = new Dictionary<string, double>[n];
        for (var i = 0; i < n; i++)
        {
            vectors[i] = new Dictionary<string, double>(bags[i].Length, StringComparer.Ordinal);
            for (var k = 0; k < bags[i].Length; k++)
                vectors[i][words[bags[i][k].Id]] = weights[i][k];
        }

        return (result, vectors);
    }

    // Each sentence's content words as ids with counts, in the order first seen; the ids number the article's words in the
    // order first seen, and Words holds them.
    private static (List<string> Words, (int Id, int Count)[][] Bags) NumberWords(IReadOnlyList<Candidate> candidates)
    {
        var words = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var bags = new (int Id, int Count)[candidates.Count][];
        var bag = new List<(int Id, int Count)>();
        var position = new List<int>(); // a word's index in the current bag, or -1
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < candidates.Count; i++)
        {
            bag.Clear();
            var text = candidates[i].Sentence.Text;
            foreach (var (start, length) in WordSpans(text))
            {
                if (!TryContentWord(text.AsSpan(start, length), buffer, out var word))
                    continue;
                if (!lookup.TryGetValue(word, out var id))
                {
                    id = words.Count;
                    var key = new string(word);
                    words.Add(key);
                    ids[key] = id;
                    position.Add(-1);
                }

                if (position[id] < 0)
                {
                    position[id] = bag.Count;
                    bag.Add((id, 1));
                }
                else
                {
                    bag[position[id]] = (id, bag[position[id]].Count + 1);
                }
            }

            bags[i] = [.. bag];
            foreach (var (id, _) in bags[i])
                position[id] = -1;
        }

        return (words, bags);
    }

    // Each paragraph's cosine of its summed sentence vectors with the centroid (the paragraph's words in the order first seen
    // in it), and its number of candidate sentences; both by block index.
    private static (Dictionary<int, double> Centrality, Dictionary<int, int> Sentences) ParagraphCentrality(
        IReadOnlyList<Candidate> candidates, (int Id, int Count)[][] bags, double[][] weights, double[] centroid)
    {
        var centrality = new Dictionary<int, double>();
        var sentences = new Dictionary<int, int>();
        var sum = new double[centroid.Length];
        var seen = new bool[centroid.Length];
        var order = new List<int>();
        foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(i => candidates[i].Block.Index))
        {
            order.Clear();
            foreach (var i in group)
            {
                for (var k = 0; k < bags[i].Length; k++)
                {
                    var id = bags[i][k].Id;
                    if (!seen[id])
                    {
                        seen[id] = true;
                        order.Add(id);
                    }

                    sum[id] += weights[i][k];
                }
            }

            double squares = 0;
            foreach (var id in order)
                squares += sum[id] * sum[id];
            var norm = Math.Sqrt(squares);
            double dot = 0;
            foreach (var id in order)
            {
                dot += (norm == 0 ? sum[id] : sum[id] / norm) * centroid[id];
                (sum[id], seen[id]) = (0, false);
            }

            centrality[group.Key] = dot;
            sentences[group.Key] = group.Count();
        }

        return (centrality, sentences);
    }

    /// <summary>Lower-cased content words and their counts, in the order first seen.</summary>
    internal static Dictionary<string, int> Bag(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = bag.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        foreach (var (start, length) in WordSpans(text))
        {
            if (TryContentWord(text.AsSpan(start, length), buffer, out var word))
                CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _)++;
        }

        return bag;
    }

    // A run of letters and digits lower-cased (into the buffer when it fits), unless it is one letter or a stop word.
    private static bool TryContentWord(ReadOnlySpan<char> run, Span<char> buffer, out ReadOnlySpan<char> word)
    {
        var lower = run.Length <= buffer.Length ? buffer[..run.Length] : new char[run.Length];
        run.ToLowerInvariant(lower);
        word = lower;
        return run.Length > 1 && !s_stopWordLookup.Contains(lower);
    }

    /// <summary>Words by their first six letters, so "internationalization" meets "International".</summary>
    internal static HashSet<string> Stems(IEnumerable<string> words) =>
        new(words.Select(w => w.Length > 6 ? w[..6] : w), StringComparer.Ordinal);

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

    private static void Normalize(double[] vector)
    {
        double squares = 0;
        foreach (var value in vector)
            squares += value * value;
        var norm = Math.Sqrt(squares);
        if (norm == 0)
            return;
        for (var i = 0; i < vector.Length; i++)
            vector[i] /= norm;
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
