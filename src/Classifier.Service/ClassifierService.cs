using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classifier.Service;

/// <summary>Builds the HTTP service: <c>POST /v1/tag</c>, <c>/v1/summarize</c>, <c>/v1/batch</c>, <c>GET /v1/models</c>,
/// <c>POST /v1/models/reload</c>, <c>GET /healthz</c>, <c>GET /openapi/v1.json</c> and the analysts' web page at <c>GET /</c>
/// (see <c>docs/http-api.md</c>).</summary>
/// <example>
/// <code>
/// var app = ClassifierService.Build(new ServiceOptions { Urls = "http://127.0.0.1:5080", ModelsFolder = "models" });
/// app.Run();
/// </code>
/// </example>
public static class ClassifierService
{
    /// <summary>Loads the model bundle and builds the service; run it with <c>Run</c> or <c>StartAsync</c>.</summary>
    /// <param name="options">Where to listen, which bundle to serve, and the limits.</param>
    /// <param name="configure">Called before the service is built, to add logging providers, services or settings.</param>
    /// <remarks>Load bundles only from trusted sources: a model file can run code when it is loaded.</remarks>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">The bundle folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The bundle is missing a model, corrupted or incompatible.</exception>
    public static WebApplication Build(ServiceOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });

        // Per-request logs from the framework would cost more than the requests they describe.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => new ModelHost(options.ModelsFolder, services.GetRequiredService<ILogger<ModelHost>>()));
        builder.Services.AddSingleton(new WorkGate(options.MaxConcurrentRequests, options.MaxQueuedRequests));
        builder.Services.AddSingleton<AnalysisCounter>();
        builder.Services.AddSingleton<Endpoints>();
        if (options.WatchInterval is { } interval)
        {
            builder.Services.AddHostedService(services => new ModelWatcher(
                services.GetRequiredService<ModelHost>(), interval, services.GetRequiredService<ILogger<ModelWatcher>>()));
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.Urls.Clear();
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            app.Urls.Add(url);

        // Load now: a bad bundle stops the start, not the first request.
        _ = app.Services.GetRequiredService<ModelHost>();

        // Unhandled errors, unknown routes and wrong methods answer with problem details and a code too.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => Endpoints.WriteProblemAsync(context, ServiceProblem.Unexpected()) });
        app.UseStatusCodePages(pages => Endpoints.WriteProblemAsync(pages.HttpContext, ServiceProblem.FromStatus(pages.HttpContext)));

        var endpoints = app.Services.GetRequiredService<Endpoints>();
        app.MapPost("/v1/tag", new RequestDelegate(endpoints.TagAsync));
        app.MapPost("/v1/summarize", new RequestDelegate(endpoints.SummarizeAsync));
        app.MapPost("/v1/batch", new RequestDelegate(endpoints.BatchAsync));
        app.MapGet("/v1/models", new RequestDelegate(endpoints.ModelsAsync));
        app.MapPost("/v1/models/reload", new RequestDelegate(endpoints.ReloadAsync));
        app.MapGet("/healthz", new RequestDelegate(endpoints.HealthAsync));
        app.MapGet("/openapi/v1.json", new RequestDelegate(Endpoints.OpenApiAsync));
        app.MapGet("/", new RequestDelegate(AnalystPage.ServeAsync));
        return app;
    }
}
