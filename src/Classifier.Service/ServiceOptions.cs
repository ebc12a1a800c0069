namespace Classifier.Service;

/// <summary>Where the service listens, which bundle it serves and the limits it enforces.</summary>
public sealed record ServiceOptions
{
    /// <summary>The URLs to listen on, separated by semicolons (port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The model bundle folder; reloads read it again. Load bundles only from trusted sources: a model file can run code.</summary>
    public string ModelsFolder { get; init; } = "models";

    /// <summary>The largest request body accepted, in bytes; a larger one gets 413. The default, 16 MiB, lets a 10 MB
    /// article through: analysis time grows linearly with the text (a 10 MB article took 20 s, 16 MiB 36 s, on a loaded
    /// 2-core machine), and one article inside the analyzer cannot be interrupted, so this bounds how long it holds a slot.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How long a request may take from arrival to result, waiting in the queue included; then it gets 504 and its
    /// work stops at its next check. The default, 60 s, leaves a body at the default size limit time to finish.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many articles or batches are analysed at once.</summary>
    public int MaxConcurrentRequests { get; init; } = Environment.ProcessorCount;

    /// <summary>How many requests may wait for a free slot; one more gets 503 with <c>Retry-After</c>.</summary>
    public int MaxQueuedRequests { get; init; } = 64;

    /// <summary>The most items a <c>/v1/batch</c> request may hold.</summary>
    public int MaxBatchItems { get; init; } = 100;

    /// <summary>If set, the bundle folder is checked this often and reloaded when its files change; if null, only
    /// <c>POST /v1/models/reload</c> reloads.</summary>
    public TimeSpan? WatchInterval { get; init; }

    /// <summary>Throws if an option is out of range.</summary>
    /// <exception cref="ArgumentException">The first option that is empty or out of range, by name.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Urls);
        ArgumentException.ThrowIfNullOrWhiteSpace(ModelsFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBodyBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRequestBodyBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RequestTimeout, TimeSpan.FromDays(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequests, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxQueuedRequests);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchItems, 1);
        if (WatchInterval is { } interval)
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(WatchInterval));
    }
}
