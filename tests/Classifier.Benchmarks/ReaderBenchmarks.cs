using BenchmarkDotNet.Attributes;
using Classifier.Text;

namespace Classifier.Benchmarks;

/// <summary>Reading and segmentation: <see cref="ArticleReader.Read"/> (format detection, blocks, sentences), tokens not counted.</summary>
public class ReaderBenchmarks
{
    private string _plainText = string.Empty;
    private IReadOnlyList<string> _bbcArticles = [];
    private string _htmlPage = string.Empty;
    private string _htmlArticle = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _plainText = Corpus.PlainText;
        _bbcArticles = Corpus.BbcArticles;
        _htmlPage = Corpus.HtmlPage;
        _htmlArticle = Corpus.HtmlArticle;
    }

    /// <summary>The sample article repeated to 1 MB, read as one plain-text document.</summary>
    [Benchmark]
    [Throughput(Workload.PlainText)]
    public int PlainText1MB() => ArticleReader.Default.Read(_plainText).Blocks.Count;

    /// <summary>The first 200 BBC articles, each read as its own document.</summary>
    [Benchmark]
    [Throughput(Workload.Bbc)]
    public int Bbc200Articles()
    {
        var blocks = 0;
        foreach (var article in _bbcArticles)
            blocks += ArticleReader.Default.Read(article).Blocks.Count;
        return blocks;
    }

    /// <summary>One 1 MB HTML page: the sample's blocks repeated inside article markup, with page chrome around.</summary>
    [Benchmark]
    [Throughput(Workload.HtmlPage)]
    public int Html1MB() => ArticleReader.Default.Read(_htmlPage).Blocks.Count;

    /// <summary>The sample as one ordinary HTML page of a few kilobytes.</summary>
    [Benchmark]
    [Throughput(Workload.HtmlArticle)]
    public int HtmlArticle() => ArticleReader.Default.Read(_htmlArticle).Blocks.Count;
}
