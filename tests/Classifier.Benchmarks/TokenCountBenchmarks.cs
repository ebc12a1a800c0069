using BenchmarkDotNet.Attributes;
using Classifier.Text;

namespace Classifier.Benchmarks;

/// <summary>
/// The cost of <see cref="Sentence.TokenCount"/> over every sentence of a workload, reading excluded.
/// </summary>
/// <remarks>
/// Token counts are computed on first use and cached in the sentence, so every iteration reads fresh documents in its
/// setup (not timed) and counts each once: one invocation per iteration, over <see cref="Copies"/> fresh copies of the
/// workload so that an iteration lasts long enough to time, reported per copy.
/// </remarks>
[InvocationCount(1)]
public class TokenCountBenchmarks
{
    private const int Copies = 4;

    private ArticleDocument[] _documents = [];

    [IterationSetup(Target = nameof(PlainText1MB))]
    public void ReadPlainText() =>
        _documents = Enumerable.Range(0, Copies).Select(_ => ArticleReader.Default.Read(Corpus.PlainText)).ToArray();

    [IterationSetup(Target = nameof(Bbc200Articles))]
    public void ReadBbc() =>
        _documents = Enumerable.Range(0, Copies).SelectMany(_ => Corpus.BbcArticles.Select(ArticleReader.Default.Read)).ToArray();

    /// <summary>Every sentence of the 1 MB plain text.</summary>
    [Benchmark(OperationsPerInvoke = Copies)]
    [Throughput(Workload.PlainText)]
    public long PlainText1MB() => CountTokens(_documents);

    /// <summary>Every sentence of the first 200 BBC articles.</summary>
    [Benchmark(OperationsPerInvoke = Copies)]
    [Throughput(Workload.Bbc)]
    public long Bbc200Articles() => CountTokens(_documents);

    private static long CountTokens(ArticleDocument[] documents)
    {
        long tokens = 0;
        foreach (var document in documents)
        {
            foreach (var (_, sentence) in document.EnumerateSentences())
                tokens += sentence.TokenCount;
        }

        return tokens;
    }
}
