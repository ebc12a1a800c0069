namespace Classifier.Analysis;

/// <summary>Builds an extractive summary from an analysis: highlights by salience with maximal marginal relevance, the Western
/// sentences, and key points by topic from the sentences neither of those shows.</summary>
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
        var highlights = SelectDiverse(analysis, pool, options.Highlights, options.Diversity, budget);

        // The West section claims its share of a budget before the key points.
        var west = analysis.Sentences
            .Where(s => s.IsWestern)
            .OrderByDescending(s => s.WesternScore).ThenBy(s => s.Span.Start)
            .Where(budget.TryTake)
            .Take(options.MaxWest)
            .ToList();

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

    // Maximal marginal relevance: each pick maximises (1 - d)·salience - d·(its highest similarity to a pick so far).
    private static List<SentenceAnalysis> SelectDiverse(ArticleAnalysis analysis, List<SentenceAnalysis> pool, int count, double diversity, Budget budget)
    {
        var picked = new List<SentenceAnalysis>();
        var remaining = pool.Select(s => (Sentence: s, MaxSimilarity: 0.0)).ToList();
        while (picked.Count < count && remaining.Count > 0)
        {
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < remaining.Count; i++)
            {
                var value = (1 - diversity) * remaining[i].Sentence.Salience - diversity * remaining[i].MaxSimilarity;
                if (value > bestValue + 1e-12)
                    (best, bestValue) = (i, value);
            }

            var sentence = remaining[best].Sentence;
            remaining.RemoveAt(best);
            if (!budget.TryTake(sentence))
                continue;

            picked.Add(sentence);
            var vector = analysis.Vectors[sentence.Sentence];
            for (var i = 0; i < remaining.Count; i++)
            {
                var similarity = SalienceFeatures.Cosine(vector, analysis.Vectors[remaining[i].Sentence.Sentence]);
                if (similarity > remaining[i].MaxSimilarity)
                    remaining[i] = (remaining[i].Sentence, similarity);
            }
        }

        return picked;
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
