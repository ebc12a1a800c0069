using Classifier.Tests.Support;
using Classifier.Training.Corpus;

namespace Classifier.Tests.Corpus;

/// <summary>The corpus committed in <c>training-data/</c> passes its own check and meets the balance it promises.</summary>
public sealed class CommittedCorpusTests
{
    private static readonly Lazy<TrainingCorpus> s_corpus = new(() => TrainingCorpus.Load(Path.Combine(SharedData.RepositoryRoot, "training-data")));

    [Fact]
    public void PassesCorpusCheck()
    {
        var issues = CorpusChecker.Check(s_corpus.Value);
        Assert.True(issues.Count == 0, string.Join('\n', issues.Take(20)));
    }

    [Fact]
    public void HasTheSizeAndBalanceTheCorpusIssueAsksFor()
    {
        var stats = CorpusStatistics.Compute(s_corpus.Value);
        const string all = CorpusStatistics.All;

        Assert.True(stats.Articles[all] >= 200, $"{stats.Articles[all]} articles");
        Assert.True(stats.Paragraphs(all) >= 2000, $"{stats.Paragraphs(all)} paragraphs");
        Assert.True(stats.Sentences[all] >= 5000, $"{stats.Sentences[all]} sentences");

        var substantive = stats.Paragraphs(all) - stats.Topics[CorpusLabels.Other][all];
        foreach (var topic in CorpusLabels.Topics.Where(t => t != CorpusLabels.Other))
            Assert.True(stats.Topics[topic][all] >= 0.18 * substantive, $"{topic}: {stats.Topics[topic][all]} of {substantive}");

        var westernShare = (double)stats.WesternSentences[all] / stats.Sentences[all];
        Assert.InRange(westernShare, 0.15, 0.40);
        // Every article marks three key sentences: what the salience model learns from.
        Assert.Equal(CorpusLabels.KeySentences * stats.Articles[all], stats.KeySentences[all]);
    }

    [Fact]
    public void KeepsEveryArticleInOneSplitWithTestAboutAFifth()
    {
        var articles = s_corpus.Value.Articles;
        Assert.All(articles, a => Assert.Contains(a.Split, CorpusLabels.Splits));
        var test = articles.Count(a => a.Split == "test") / (double)articles.Count;
        var dev = articles.Count(a => a.Split == "dev") / (double)articles.Count;
        Assert.InRange(test, 0.17, 0.23);
        Assert.InRange(dev, 0.07, 0.13);
    }
}
