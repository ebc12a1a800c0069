namespace Classifier.Service;

/// <summary>Counts the articles the service has analysed, to see how far cancelled work went before it stopped.</summary>
internal sealed class AnalysisCounter
{
    private long _articles;

    public long Articles => Interlocked.Read(ref _articles);

    /// <summary>Called with the new total after each count, on the analysing thread; tests use it to hold the work at a
    /// known point.</summary>
    public Action<long>? Counted { get; set; }

    public void Add(int articles) => Counted?.Invoke(Interlocked.Add(ref _articles, articles));
}
