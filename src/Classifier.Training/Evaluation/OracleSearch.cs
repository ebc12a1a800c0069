namespace Classifier.Training.Evaluation;

/// <summary>The greedy ROUGE-1 + ROUGE-2 oracle of <see cref="Rouge.GreedyOracle"/>, with counts kept up to date instead of rescoring.</summary>
/// <remarks>
/// <c>summarize.py</c> re-tokenizes and rescores the whole selection for every candidate. Here the chosen sentences'
/// n-gram counts are kept, and a candidate only adds its own n-grams plus the bigrams at its two joins (taking away the
/// bigram its insertion breaks), so each try costs the length of one sentence. The overlaps are the same integers as a
/// full rescoring gives, so the F1 sums, and hence the choices and ties, are exactly those of <c>summarize.py</c>.
/// </remarks>
internal sealed class OracleSearch
{
    private readonly int[][] _tokens;
    private readonly int[][] _innerBigrams;
    private readonly Dictionary<long, int> _bigramIndex = [];
    private readonly int[] _referenceUnigrams;
    private readonly int[] _referenceBigrams;
    private readonly int[] _chosenUnigrams;
    private readonly int[] _chosenBigrams;
    private readonly bool[] _chosen;
    private readonly int _referenceLength;
    private readonly List<int> _touchedBigrams = [];
    private int _unigramOverlap;
    private int _bigramOverlap;
    private int _length;

    public OracleSearch(IReadOnlyList<string> sentences, IReadOnlyList<string> reference)
    {
        // Ids number the reference's tokens and bigrams; anything else can never overlap and is -1.
        var (vocabulary, referenceIds) = Rouge.IndexReference(reference);

        _referenceLength = reference.Count;
        _referenceUnigrams = new int[vocabulary.Count];
        foreach (var id in referenceIds)
            _referenceUnigrams[id]++;

        var bigramCounts = new List<int>();
        for (var i = 1; i < referenceIds.Length; i++)
        {
            var key = Rouge.BigramKey(referenceIds[i - 1], referenceIds[i]);
            if (_bigramIndex.TryGetValue(key, out var index))
            {
                bigramCounts[index]++;
            }
            else
            {
                _bigramIndex.Add(key, bigramCounts.Count);
                bigramCounts.Add(1);
            }
        }

        _referenceBigrams = [.. bigramCounts];
        _chosenUnigrams = new int[_referenceUnigrams.Length];
        _chosenBigrams = new int[_referenceBigrams.Length];
        _chosen = new bool[sentences.Count];
        _tokens = new int[sentences.Count][];
        _innerBigrams = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = Rouge.Tokenize(sentences[s]);
            var ids = new int[tokens.Count];
            for (var i = 0; i < ids.Length; i++)
                ids[i] = vocabulary.GetValueOrDefault(tokens[i], -1);
            _tokens[s] = ids;

            var inner = new List<int>();
            for (var i = 1; i < ids.Length; i++)
            {
                var index = BigramIndex(ids[i - 1], ids[i]);
                if (index >= 0)
                    inner.Add(index);
            }

            _innerBigrams[s] = [.. inner];
        }
    }

    /// <summary>Chooses up to <paramref name="maxSentences"/> sentences; returns their indices, ascending.</summary>
    public IReadOnlyList<int> Run(int maxSentences)
    {
        var best = 0.0;
        var count = 0;
        while (count < maxSentences)
        {
            var pick = -1;
            for (var i = 0; i < _chosen.Length; i++)
            {
                // A sentence without tokens leaves the score as it is, so it can never be strictly better.
                if (_chosen[i] || _tokens[i].Length == 0)
                    continue;
                var score = Try(i, commit: false);
                if (score > best)
                {
                    best = score;
                    pick = i;
                }
            }

            if (pick < 0)
                break;
            Try(pick, commit: true);
            count++;
        }

        var picked = new List<int>(count);
        for (var i = 0; i < _chosen.Length; i++)
        {
            if (_chosen[i])
                picked.Add(i);
        }

        return picked;
    }

    /// <summary>ROUGE-1 F1 + ROUGE-2 F1 (fractions) with sentence <paramref name="sentence"/> added; keeps it when <paramref name="commit"/>.</summary>
    private double Try(int sentence, bool commit)
    {
        var tokens = _tokens[sentence];
        var unigramOverlap = _unigramOverlap;
        foreach (var id in tokens)
        {
            if (id < 0)
                continue;
            if (_chosenUnigrams[id] < _referenceUnigrams[id])
                unigramOverlap++;
            _chosenUnigrams[id]++;
        }

        var bigramOverlap = _bigramOverlap;
        _touchedBigrams.Clear();
        var before = Neighbour(sentence, -1);
        var after = Neighbour(sentence, +1);
        if (before >= 0 && after >= 0)
        {
            // The new sentence goes between two chosen ones and breaks the bigram that joined them.
            var broken = BigramIndex(_tokens[before][^1], _tokens[after][0]);
            if (broken >= 0)
            {
                if (_chosenBigrams[broken] <= _referenceBigrams[broken])
                    bigramOverlap--;
                _chosenBigrams[broken]--;
                _touchedBigrams.Add(~broken);
            }
        }

        if (before >= 0)
            AddBigram(BigramIndex(_tokens[before][^1], tokens[0]), ref bigramOverlap);
        foreach (var index in _innerBigrams[sentence])
            AddBigram(index, ref bigramOverlap);
        if (after >= 0)
            AddBigram(BigramIndex(tokens[^1], _tokens[after][0]), ref bigramOverlap);

        var length = _length + tokens.Length;
        var score = Rouge.F1(unigramOverlap, length, _referenceLength)
            + Rouge.F1(bigramOverlap, length - 1, Math.Max(_referenceLength - 1, 0));

        if (commit)
        {
            _unigramOverlap = unigramOverlap;
            _bigramOverlap = bigramOverlap;
            _length = length;
            _chosen[sentence] = true;
            return score;
        }

        foreach (var id in tokens)
        {
            if (id >= 0)
                _chosenUnigrams[id]--;
        }

        foreach (var touched in _touchedBigrams)
        {
            if (touched < 0)
                _chosenBigrams[~touched]++;
            else
                _chosenBigrams[touched]--;
        }

        return score;
    }

    private void AddBigram(int index, ref int overlap)
    {
        if (index < 0)
            return;
        if (_chosenBigrams[index] < _referenceBigrams[index])
            overlap++;
        _chosenBigrams[index]++;
        _touchedBigrams.Add(index);
    }

    /// <summary>The nearest chosen sentence with tokens before (<paramref name="step"/> -1) or after (+1) the given one, or -1.</summary>
    private int Neighbour(int sentence, int step)
    {
        for (var i = sentence + step; i >= 0 && i < _chosen.Length; i += step)
        {
            if (_chosen[i] && _tokens[i].Length > 0)
                return i;
        }

        return -1;
    }

    private int BigramIndex(int first, int second) =>
        first >= 0 && second >= 0 && _bigramIndex.TryGetValue(Rouge.BigramKey(first, second), out var index) ? index : -1;
}
