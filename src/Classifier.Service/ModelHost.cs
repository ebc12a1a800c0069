using Classifier.Analysis;
using Microsoft.Extensions.Logging;

namespace Classifier.Service;

/// <summary>Holds the analyzer that serves requests and swaps in a new one on reload, without stopping.</summary>
/// <remarks>A request takes <see cref="Current"/> once and keeps it to the end, so requests in flight finish on the bundle
/// they started with; the garbage collector retires an old analyzer when its last request is done.</remarks>
internal sealed partial class ModelHost : IDisposable
{
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private ModelGeneration _current;

    /// <summary>Loads the bundle; a bad one stops the service from starting.</summary>
    public ModelHost(string folder, ILogger<ModelHost> logger)
    {
        Folder = Path.GetFullPath(folder);
        _logger = logger;
        LastAttempt = BundleFingerprint.Of(Folder);
        _current = ModelGeneration.Load(Folder, 1, LastAttempt);
        LogServing(_logger, Folder, _current.Analyzer.Manifest.Created);
    }

    public string Folder { get; }

    public ModelGeneration Current => Volatile.Read(ref _current);

    /// <summary>The fingerprint of the bundle files at the last load attempt, good or bad.</summary>
    public string LastAttempt { get; private set; }

    /// <summary>Loads and checks the bundle again, then swaps it in; a bad bundle leaves the current one serving.</summary>
    public async Task<ReloadOutcome> ReloadAsync()
    {
        // One reload at a time: a second caller is told, rather than queued to load the same files again.
        if (!await _reloading.WaitAsync(0).ConfigureAwait(false))
            return new ReloadOutcome(ReloadStatus.Busy, Current, "a reload is already running.");
        try
        {
            var fingerprint = BundleFingerprint.Of(Folder);
            LastAttempt = fingerprint;
            var number = Current.Number + 1;
            ModelGeneration next;
            try
            {
                next = await Task.Run(() => ModelGeneration.Load(Folder, number, fingerprint)).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogRefused(_logger, Folder, Current.Number, error.Message);
                return new ReloadOutcome(ReloadStatus.Refused, Current, error.Message);
            }

            Interlocked.Exchange(ref _current, next);
            LogReloaded(_logger, Folder, next.Number, next.Analyzer.Manifest.Created);
            return new ReloadOutcome(ReloadStatus.Reloaded, next, null);
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose() => _reloading.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the model bundle in {Folder} (created {Created}).")]
    private static partial void LogServing(ILogger logger, string folder, string created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloaded the model bundle in {Folder} as generation {Generation} (created {Created}).")]
    private static partial void LogReloaded(ILogger logger, string folder, int generation, string created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the model bundle in {Folder}; generation {Generation} keeps serving: {Error}")]
    private static partial void LogRefused(ILogger logger, string folder, int generation, string error);
}

/// <summary>One loaded bundle: the analyzer and what is served about it.</summary>
internal sealed class ModelGeneration
{
    private ModelGeneration(ArticleAnalyzer analyzer, int number, byte[] manifestJson, string fingerprint)
    {
        Analyzer = analyzer;
        Number = number;
        ManifestJson = manifestJson;
        Fingerprint = fingerprint;
    }

    public ArticleAnalyzer Analyzer { get; }

    /// <summary>1 for the bundle loaded at start, one more for each successful reload.</summary>
    public int Number { get; }

    public DateTimeOffset LoadedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The manifest as the runtime writes it, for <c>GET /v1/models</c>.</summary>
    public byte[] ManifestJson { get; }

    public string Fingerprint { get; }

    public static ModelGeneration Load(string folder, int number, string fingerprint)
    {
        var analyzer = ArticleAnalyzer.Load(folder);
        using var manifest = new MemoryStream();
        analyzer.Manifest.Write(manifest);
        return new ModelGeneration(analyzer, number, manifest.ToArray(), fingerprint);
    }
}

internal enum ReloadStatus
{
    Reloaded,
    Busy,
    Refused,
}

/// <summary>What a reload did; <see cref="Serving"/> is the generation serving afterwards.</summary>
internal sealed record ReloadOutcome(ReloadStatus Status, ModelGeneration Serving, string? Error);

/// <summary>A cheap summary of a bundle folder's files (names, sizes, write times), to notice that they changed.</summary>
internal static class BundleFingerprint
{
    public static string Of(string folder)
    {
        try
        {
            var files = new DirectoryInfo(folder).GetFiles()
                .Where(f => f.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}");
            return string.Join('|', files);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
