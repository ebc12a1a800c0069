namespace Classifier.Analysis;

/// <summary>Builds an extractive summary from an analysis: highlights by salience with maximal marginal relevance and a slot for
/// the headline, the Western sentences, and key points by topic from the sentences neither of those shows.</summary>
internal static class Summarizer
{
    public static ArticleSummary Summarize(ArticleAnalysis analysis, SummaryOptions options, string otherLabel, IReadOnlyList<string> topicLabels)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options.Validate();
        var budget = new Budget(options);
        var candidates = analysis.Sentences.Where(s => s.IsCandidate).ToList();

        var fromParagraphs = candidates.Where(s => s.Paragraph.Kind == Text.BlockKind.Paragraph).ToList();
        var pool = options.HighlightsFromBullets || fromParagraphs.Count == 0 ? candidates : fromParagraphs;
        // The West section: the Western sentences by probability. It is chosen after the highlights, within what the budget
        // leaves, but the highlights' headline slot needs to know which sentences it leads with.
        var western = analysis.Sentences
            .Where(s => s.IsWestern)
            .OrderByDescending(s => s.WesternScore).ThenBy(s => s.Span.Start)
            .ToList();
        var headline = options.CoverHeadline ? Headline.Clauses(analysis.Title) : [];
        var shownInWest = new HashSet<SentenceAnalysis>(western.Take(options.MaxWest), ReferenceEqualityComparer.Instance);
        var highlights = SelectDiverse(analysis, pool, options, budget, headline, shownInWest);

        // The West section claims its share of a budget before the key points.
        var west = western.Where(budget.TryTake).Take(options.MaxWest).ToList();

        // Key points leave out what the highlights and the West section already show: a digest that repeats itself wastes
        // the reader's time. The West section itself may repeat a highlight: it is the article's Western sentences by
        // probability, whatever else the summary shows.
        var chosen = new HashSet<SentenceAnalysis>(highlights.Concat(west), ReferenceEqualityComparer.Instance);
        var keyPoints = new List<KeyPoint>();
        var topics = candidates
            .Where(s => s.Topic is not null && s.Topic != otherLabel)
            .GroupBy(s => s.Topic!)
            .OrderByDescending(g => g.Sum(s => s.Salience)).ThenBy(g => IndexOf(topicLabels, g.Key));
        foreach (var topic in topics)
        {
            var picked = topic.Where(s => !chosen.Contains(s))
                .OrderByDescending(s => s.Salience).ThenBy(s => s.Span.Start)
                .Where(budget.TryTake)
                .Take(options.KeyPointsPerTopic)
                .ToList();
            if (picked.Count > 0)
                keyPoints.Add(new KeyPoint(topic.Key, InOrder(picked, s => s.Salience)));
        }

        return new ArticleSummary(analysis, InOrder(highlights, s => s.Salience), keyPoints, InOrder(west, s => s.WesternScore));
    }

    // Maximal marginal relevance: each pick maximises (1 - d)·salience - d·(its highest similarity to a pick so far). The last of
    // three or more picks goes to a headline clause that no pick touches yet, if a sentence touches it (the labelling guide's
    // key sentences cover the headline first), leaving out the West section's sentences: the summary shows them there, and
    // the guide keeps the article's commentary on the West out of its key sentences.
    private static List<SentenceAnalysis> SelectDiverse(ArticleAnalysis analysis, List<SentenceAnalysis> pool, SummaryOptions options,
        Budget budget, List<HashSet<string>> headline, IReadOnlySet<SentenceAnalysis> shownInWest)
    {
        var (count, diversity) = (options.Highlights, options.Diversity);
        var picked = new List<SentenceAnalysis>();
        var remaining = pool.Select(s => (Sentence: s, MaxSimilarity: 0.0)).ToList();
        var touched = new bool[headline.Count];
        while (picked.Count < count && remaining.Count > 0)
        {
            var headlineSlot = count >= 3 && picked.Count == count - 1 && touched.Contains(false);
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var pass = headlineSlot ? 0 : 1; pass < 2 && best < 0; pass++)
            {
                for (var i = 0; i < remaining.Count; i++)
                {
                    var sentence = remaining[i].Sentence;
                    if (pass == 0 && (shownInWest.Contains(sentence) || !TouchesUntouched(Stems(analysis, sentence), headline, touched)))
                        continue;
                    var value = (1 - diversity) * sentence.Salience - diversity * remaining[i].MaxSimilarity;
                    if (value > bestValue + 1e-12)
                        (best, bestValue) = (i, value);
                }
            }

            best = Math.Max(best, 0); // Only scores that are not numbers leave none chosen.
            var chosen = remaining[best].Sentence;
            remaining.RemoveAt(best);
            if (!budget.TryTake(chosen))
                continue;

            picked.Add(chosen);
            if (headline.Count > 0)
            {
                var stems = Stems(analysis, chosen);
                for (var c = 0; c < headline.Count; c++)
                    touched[c] |= headline[c].Overlaps(stems);
            }

            var vector = analysis.Vectors[chosen.Sentence];
            for (var i = 0; i < remaining.Count; i++)
            {
                var similarity = SalienceFeatures.Cosine(vector, analysis.Vectors[remaining[i].Sentence.Sentence]);
                if (similarity > remaining[i].MaxSimilarity)
                    remaining[i] = (remaining[i].Sentence, similarity);
            }
        }

        return picked;
    }

    private static HashSet<string> Stems(ArticleAnalysis analysis, SentenceAnalysis sentence) =>
        SalienceFeatures.Stems(analysis.Vectors[sentence.Sentence].Keys);

    private static bool TouchesUntouched(HashSet<string> stems, List<HashSet<string>> headline, bool[] touched)
    {
        for (var c = 0; c < headline.Count; c++)
        {
            if (!touched[c] && headline[c].Overlaps(stems))
                return true;
        }

        return false;
    }

    private static List<SummarySentence> InOrder(IEnumerable<SentenceAnalysis> sentences, Func<SentenceAnalysis, float> score) =>
        [.. sentences.OrderBy(s => s.Span.Start).Select(s => new SummarySentence(s.Text, s.Span.Start, s.Span.Length, s.Paragraph.Index, s.Topic, score(s)))];

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
                return i;
        }

        return labels.Count;
    }

    // What is left of the summary's character and token budgets.
    private sealed class Budget(SummaryOptions options)
    {
        private int _characters = options.MaxCharacters ?? int.MaxValue;
        private int _tokens = options.MaxTokens ?? int.MaxValue;

        public bool TryTake(SentenceAnalysis sentence)
        {
            var tokens = options.MaxTokens is null ? 0 : sentence.Sentence.TokenCount;
            if (sentence.Span.Length > _characters || tokens > _tokens)
                return false;
            _characters -= sentence.Span.Length;
            _tokens -= tokens;
            return true;
        }
    }
}
