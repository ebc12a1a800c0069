using Classifier.Analysis;
using Classifier.Training.Evaluation;

namespace Classifier.Training.Summaries;

/// <summary>One article's highlights and their ROUGE against its reference.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Highlights">The highlights the analyzer picked, in article order.</param>
/// <param name="Scores">ROUGE-1/2/L F1 (percent) against the reference.</param>
public sealed record SummaryScore(string Id, IReadOnlyList<string> Highlights, RougeScores Scores);

/// <summary>Scores an analyzer's highlights against reference summaries, as <c>../shared/peers/rouge.py</c> scores them.</summary>
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
            return new SummaryScore(article.Id, texts, Rouge.Score(texts, article.Reference));
        }).ToList();
    }
}
