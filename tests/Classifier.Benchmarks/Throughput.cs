using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Classifier.Benchmarks;

/// <summary>The inputs a benchmark can process in one operation.</summary>
public enum Workload
{
    /// <summary><see cref="Corpus.PlainText"/>.</summary>
    PlainText,

    /// <summary><see cref="Corpus.BbcArticles"/>, all of them.</summary>
    Bbc,

    /// <summary><see cref="Corpus.HtmlPage"/>.</summary>
    HtmlPage,

    /// <summary><see cref="Corpus.HtmlArticle"/>.</summary>
    HtmlArticle,
}

/// <summary>Marks a benchmark whose one operation processes the whole of a <see cref="Benchmarks.Workload"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThroughputAttribute(Workload workload) : Attribute
{
    public Workload Workload { get; } = workload;

    public static long Bytes(Workload workload) => workload switch
    {
        Workload.PlainText => Corpus.Utf8Bytes(Corpus.PlainText),
        Workload.Bbc => Corpus.Utf8Bytes(Corpus.BbcArticles),
        Workload.HtmlPage => Corpus.Utf8Bytes(Corpus.HtmlPage),
        Workload.HtmlArticle => Corpus.Utf8Bytes(Corpus.HtmlArticle),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, null),
    };
}

/// <summary>Input throughput of benchmarks marked with <see cref="ThroughputAttribute"/>: megabytes (10^6 bytes of UTF-8 input) per second.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input throughput: megabytes (10^6 bytes) of UTF-8 input per second, from the mean time of one operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var workload = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputAttribute>()?.Workload;
        if (workload is null)
            return "-";

        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0)
            return "NA";

        var bytes = ThroughputAttribute.Bytes(workload.Value);
        return (bytes / meanNanoseconds.Value * 1e9 / 1e6).ToString("F1", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
