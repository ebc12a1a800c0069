using Classifier.Training.Evaluation;
using Classifier.Training.Summaries;

namespace Classifier.Training.Tests.Summaries;

public sealed class SummaryEvaluatorTests
{
    private static readonly RougeScores s_none = new(0, 0, 0);

    [Fact]
    public void Key_recall_pools_the_key_sentences_of_the_articles_that_mark_them()
    {
        SummaryScore[] scores =
        [
            new("a", ["x", "y", "z"], s_none, KeyHits: 2, KeySentences: 3),
            new("b", ["x", "y", "z"], s_none, KeyHits: 0, KeySentences: 3),
            new("c", ["x", "y", "z"], s_none, KeyHits: 3, KeySentences: 4),
            // A benchmark article without key sentences counts for nothing.
            new("d", ["x", "y", "z"], s_none),
        ];

        Assert.Equal(5 / 10.0, SummaryEvaluator.KeyRecall(scores));
    }

    [Fact]
    public void Key_recall_is_null_when_no_article_marks_key_sentences()
    {
        Assert.Null(SummaryEvaluator.KeyRecall([new SummaryScore("d", ["x"], s_none)]));
        Assert.Null(SummaryEvaluator.KeyRecall([]));
    }
}
