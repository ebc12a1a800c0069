using Classifier.Analysis;
using Classifier.Text;
using Classifier.Training.Evaluation;

namespace Classifier.Training.Summaries;

/// <summary>One article's highlights, their ROUGE against its reference and how many of them are its key sentences.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Highlights">The highlights the analyzer picked, in article order.</param>
/// <param name="Scores">ROUGE-1/2/L F1 (percent) against the reference.</param>
/// <param name="KeyHits">How many highlights are the article's key sentences (<see cref="SummaryArticle.KeySentences"/>), word
/// for word; null when the article marks none.</param>
/// <param name="KeySentences">How many key sentences the article marks.</param>
public sealed record SummaryScore(string Id, IReadOnlyList<string> Highlights, RougeScores Scores, int? KeyHits = null, int KeySentences = 0);

/// <summary>Scores an analyzer's highlights against reference summaries, as <c>../shared/peers/rouge.py</c> scores them, and
/// against the editors' key sentences where the articles mark them.</summary>
public static class SummaryEvaluator
{
    /// <summary>Summarises every article and scores its highlights.</summary>
    /// <param name="analyzer">The analyzer (with its salience model).</param>
    /// <param name="articles">Articles with references.</param>
    /// <param name="highlights">How many highlights; null for as many as each reference has sentences.</param>
    public static IReadOnlyList<SummaryScore> Score(ArticleAnalyzer analyzer, IReadOnlyList<SummaryArticle> articles, int? highlights = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(articles);
        return articles.AsParallel().AsOrdered().Select(article =>
        {
            var count = highlights ?? Math.Max(article.Reference.Count, 1);
            var summary = analyzer.Summarize(article.Text, new SummaryOptions { Highlights = count });
            var texts = summary.Highlights.Select(h => h.Text).ToList();
            var keys = article.KeySentenceSet();
            int? hits = keys.Count == 0 ? null : texts.Count(t => keys.Contains(WhiteSpace.Collapse(t)));
            return new SummaryScore(article.Id, texts, Rouge.Score(texts, article.Reference), hits, keys.Count);
        }).ToList();
    }

    /// <summary>The share of the key sentences that the highlights hold, over the articles that mark key sentences; null when
    /// none does. With as many highlights as key sentences (the corpus: three) it is also the highlights' precision.</summary>
    public static double? KeyRecall(IEnumerable<SummaryScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var marked = scores.Where(s => s.KeyHits is not null).ToList();
        var total = marked.Sum(s => s.KeySentences);
        return total == 0 ? null : marked.Sum(s => s.KeyHits!.Value) / (double)total;
    }
}
