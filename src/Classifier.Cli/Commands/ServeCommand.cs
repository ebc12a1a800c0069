using System.CommandLine;
using Classifier.Service;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier serve</c>: the HTTP service (docs/http-api.md).</summary>
internal static class ServeCommand
{
    private static readonly Dictionary<string, string> s_flags = new(StringComparer.Ordinal)
    {
        [nameof(ServiceOptions.MaxRequestBodyBytes)] = "--max-body-bytes",
        [nameof(ServiceOptions.RequestTimeout)] = "--timeout",
        [nameof(ServiceOptions.MaxConcurrentRequests)] = "--max-concurrency",
        [nameof(ServiceOptions.MaxQueuedRequests)] = "--max-queue",
        [nameof(ServiceOptions.MaxBatchItems)] = "--max-batch-items",
        [nameof(ServiceOptions.WatchInterval)] = "--watch",
    };

    public static Command Create()
    {
        var defaults = new ServiceOptions();
        var urls = new Option<string>("--urls") { Description = "Where to listen; several URLs separated by ';'.", DefaultValueFactory = _ => defaults.Urls };
        var models = new Option<string?>("--models") { Description = "Model bundle folder (default: the bundled models/). Load bundles only from trusted sources." };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Largest request body; larger gets 413.", DefaultValueFactory = _ => defaults.MaxRequestBodyBytes };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a request may take, queueing included; then 504.", DefaultValueFactory = _ => defaults.RequestTimeout.TotalSeconds };
        var concurrency = new Option<int>("--max-concurrency") { Description = "Analyses run at once.", DefaultValueFactory = _ => defaults.MaxConcurrentRequests };
        var queue = new Option<int>("--max-queue") { Description = "Requests that may wait for a slot; more get 503 with Retry-After.", DefaultValueFactory = _ => defaults.MaxQueuedRequests };
        var batchItems = new Option<int>("--max-batch-items") { Description = "Most items in one /v1/batch request.", DefaultValueFactory = _ => defaults.MaxBatchItems };
        var watch = new Option<double?>("--watch") { Description = "Check the bundle folder every this many seconds and reload it when it changes (default: reload only on POST /v1/models/reload)." };

        var command = new Command("serve", "Serve tagging and summaries over HTTP: POST /v1/tag, /v1/summarize, /v1/batch; GET /v1/models, /healthz.")
        {
            urls, models, maxBody, timeout, concurrency, queue, batchItems, watch,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var seconds = result.GetValue(timeout);
            if (!double.IsFinite(seconds) || seconds is <= 0 or > 86_400)
                throw new CliException($"--timeout {seconds}: expected a number of seconds above 0, at most 86400.");
            if (result.GetValue(watch) is { } interval && (!double.IsFinite(interval) || interval is <= 0 or > 86_400))
                throw new CliException($"--watch {interval}: expected a number of seconds above 0, at most 86400.");
            var options = new ServiceOptions
            {
                Urls = result.GetValue(urls)!,
                ModelsFolder = ModelsFolder.Resolve(result.GetValue(models)),
                MaxRequestBodyBytes = result.GetValue(maxBody),
                RequestTimeout = TimeSpan.FromSeconds(seconds),
                MaxConcurrentRequests = result.GetValue(concurrency),
                MaxQueuedRequests = result.GetValue(queue),
                MaxBatchItems = result.GetValue(batchItems),
                WatchInterval = result.GetValue(watch) is { } every ? TimeSpan.FromSeconds(every) : null,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException error)
            {
                // "Name ('value') must be ... (Parameter 'Name')" becomes "--flag value: must be ...".
                var reason = error.Message.Split('\n')[0];
                reason = reason[(reason.IndexOf(") ", StringComparison.Ordinal) + 2)..];
                reason = reason[..Math.Max(0, reason.IndexOf(" (Parameter", StringComparison.Ordinal))];
                var flag = s_flags.TryGetValue(error.ParamName ?? "", out var name) ? name : error.ParamName;
                throw new CliException($"{flag}: {reason}");
            }

            using var app = ClassifierService.Build(options);
            app.Run();
        }));
        return command;
    }
}
