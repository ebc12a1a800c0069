using System.Net.Http.Headers;
using Classifier.Analysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classifier.Service.Tests.Support;

/// <summary>The service on a real Kestrel on a free loopback port, with a client.</summary>
internal sealed class RunningService : IAsyncDisposable
{
    private RunningService(WebApplication app, Uri address)
    {
        App = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The analyzer serving now, to compute expected responses in-process.</summary>
    public ArticleAnalyzer Analyzer => App.Services.GetRequiredService<ModelHost>().Current.Analyzer;

    public static async Task<RunningService> StartAsync(ServiceOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        Bundles.Require();
        options ??= new ServiceOptions { ModelsFolder = Bundles.Default };
        var app = ClassifierService.Build(options with { Urls = "http://127.0.0.1:0" }, builder =>
        {
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningService(app, new Uri(app.Urls.First()));
    }

    public Task<Reply> PostJsonAsync(string path, string json) => SendAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(json), "application/json");

    public Task<Reply> PostTextAsync(string path, string text) => SendAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, null);

    /// <summary>Waits until no analysis runs (work a client gave up on, or a timed-out request, has stopped).</summary>
    public async Task WaitUntilIdleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await GetAsync("/healthz")).Json.GetProperty("running").GetInt32() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the abandoned or cancelled work never stopped.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, byte[]? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await SendAsync(request);
    }

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes, response.Headers.RetryAfter?.Delta);
    }

    public async Task<int> GenerationAsync()
    {
        var health = await GetAsync("/healthz");
        return health.Json.GetProperty("models").GetProperty("generation").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>A response, read whole.</summary>
internal sealed record Reply(HttpStatusCode Status, string? MediaType, byte[] Body, TimeSpan? RetryAfter)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>Asserts a problem-details response with this status and code, and returns it.</summary>
    public JsonElement AssertProblem(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Text}");
        Assert.Equal("application/problem+json", MediaType);
        var problem = Json;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public void AssertOk()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Text}");
        Assert.Equal("application/json", MediaType);
    }
}
