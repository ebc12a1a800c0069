using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Classifier.Service;

/// <summary>Reloads the bundle when its files change (polling: it survives the folder swap a training run does).</summary>
internal sealed partial class ModelWatcher(ModelHost host, TimeSpan interval, ILogger<ModelWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        var previous = host.LastAttempt;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = BundleFingerprint.Of(host.Folder);

                // Only once the files have stood still for one interval, so a bundle copied file by file is not loaded
                // half-written; and a bundle already tried, good or bad, is not tried again.
                if (now == previous && now != host.LastAttempt)
                {
                    LogChanged(logger, host.Folder);
                    await host.ReloadAsync().ConfigureAwait(false);
                }

                previous = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bundle files in {Folder} changed; reloading.")]
    private static partial void LogChanged(ILogger logger, string folder);
}
