using BenchmarkDotNet.Attributes;
using Classifier.Text;

namespace Classifier.Benchmarks;

/// <summary>
/// The counting behind <see cref="Sentence.TokenCount"/> (o200k, one call per sentence) without the sentence's cache, so
/// that it can be timed like any other method: the steady-state cost of counting every sentence of a workload.
/// </summary>
public class TokenCounterBenchmarks
{
    private SentenceSpans _plainSentences = new(string.Empty, []);
    private SentenceSpans[] _bbcSentences = [];

    [GlobalSetup]
    public void FindSentences()
    {
        _plainSentences = SentenceSpans.Of(ArticleReader.Default.Read(Corpus.PlainText));
        _bbcSentences = Corpus.BbcArticles.Select(article => SentenceSpans.Of(ArticleReader.Default.Read(article))).ToArray();
    }

    /// <summary>Every sentence of the 1 MB plain text.</summary>
    [Benchmark]
    [Throughput(Workload.PlainText)]
    public long PlainText1MB() => _plainSentences.CountTokens();

    /// <summary>Every sentence of the first 200 BBC articles.</summary>
    [Benchmark]
    [Throughput(Workload.Bbc)]
    public long Bbc200Articles()
    {
        long tokens = 0;
        foreach (var article in _bbcSentences)
            tokens += article.CountTokens();
        return tokens;
    }

    private sealed record SentenceSpans(string Text, TextSpan[] Spans)
    {
        public static SentenceSpans Of(ArticleDocument document) =>
            new(document.Text, document.EnumerateSentences().Select(pair => pair.Sentence.Span).ToArray());

        public long CountTokens()
        {
            long tokens = 0;
            foreach (var span in Spans)
                tokens += TokenCounter.Count(Text.AsSpan(span.Start, span.Length));
            return tokens;
        }
    }
}
