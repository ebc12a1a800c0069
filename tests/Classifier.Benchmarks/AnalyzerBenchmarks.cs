using BenchmarkDotNet.Attributes;
using Classifier.Analysis;

namespace Classifier.Benchmarks;

/// <summary>The analyst's path: read, tag and summarise with the default bundle in <c>models/</c>.</summary>
/// <remarks>The speed targets are medians: the median column is shown beside the mean.</remarks>
[MedianColumn]
public class AnalyzerBenchmarks
{
    private ArticleAnalyzer _analyzer = null!;
    private string _article = string.Empty;
    private string _sixHundredWords = string.Empty;
    private IReadOnlyList<string> _batch = [];

    // Another bundle to compare with the default one (BenchmarkDotNet runs each benchmark in a child process, which
    // inherits the environment).
    private static string Models => Environment.GetEnvironmentVariable("CLASSIFIER_BENCHMARK_MODELS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Corpus.RepositoryRoot, "models");

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = ArticleAnalyzer.Load(Models);
        _article = Corpus.Sample;
        _sixHundredWords = Corpus.SixHundredWords;
        _batch = Corpus.BbcArticles.Take(200).ToList();
    }

    /// <summary>The project's example article (about 360 words), summarised on one thread.</summary>
    [Benchmark]
    public int SummarizeOneArticle() => _analyzer.Summarize(_article).Highlights.Count;

    /// <summary>One article of about 600 words (the speed target's size), summarised on one thread.</summary>
    [Benchmark]
    public int SummarizeSixHundredWords() => _analyzer.Summarize(_sixHundredWords).Highlights.Count;

    /// <summary>200 BBC articles through the batch path (one prediction pass per model).</summary>
    [Benchmark]
    public int AnalyzeBatchOf200() => _analyzer.AnalyzeMany(_batch).Count;

    /// <summary>200 BBC articles summarised on all cores: batches of 25 on parallel threads.</summary>
    [Benchmark]
    public int SummarizeBatchOf200Parallel() => _batch.Chunk(25).AsParallel()
        .Select(chunk => _analyzer.AnalyzeMany(chunk).Sum(a => _analyzer.Summarize(a).Highlights.Count)).Sum();

    /// <summary>Loading the bundle: manifest, four models, shape checks.</summary>
    [Benchmark]
    public int LoadBundle() => ArticleAnalyzer.Load(Models).TopicLabels.Count;
}
