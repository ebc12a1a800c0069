using Classifier.Analysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Classifier.Service.Tests;

/// <summary>Every endpoint answers with exactly the JSON the runtime's contract writes.</summary>
public sealed class EndpointTests(DefaultService fixture)
{
    private RunningService Service => fixture.Service;

    [Fact]
    public async Task TagAnswersWithTheRuntimesTagJson()
    {
        var text = Articles.Example;
        var reply = await Service.PostJsonAsync("/v1/tag", JsonSerializer.Serialize(new { text }));
        reply.AssertOk();
        Assert.Equal(Contract.Tag(Service.Analyzer.Analyze(text)), reply.Text);
    }

    [Fact]
    public async Task TagTakesPlainText()
    {
        var text = Articles.Example;
        var reply = await Service.PostTextAsync("/v1/tag", text);
        reply.AssertOk();
        Assert.Equal(Contract.Tag(Service.Analyzer.Analyze(text)), reply.Text);
    }

    [Fact]
    public async Task SummarizeAnswersWithTheRuntimesSummaryJson()
    {
        var text = Articles.Example;
        var reply = await Service.PostJsonAsync("/v1/summarize", JsonSerializer.Serialize(new { text }));
        reply.AssertOk();
        Assert.Equal(Contract.Summary(Service.Analyzer.Summarize(text)), reply.Text);
    }

    [Fact]
    public async Task SummarizeAppliesEveryOption()
    {
        var text = Articles.Example;
        const string options = """{"highlights": 1, "keyPointsPerTopic": 1, "maxWest": 1, "maxCharacters": 2000, "maxTokens": 400, "diversity": 0.9, "highlightsFromBullets": true, "coverHeadline": false}""";
        var reply = await Service.PostJsonAsync("/v1/summarize", $$"""{"text": {{JsonSerializer.Serialize(text)}}, "options": {{options}}}""");
        reply.AssertOk();
        var expected = new SummaryOptions { Highlights = 1, KeyPointsPerTopic = 1, MaxWest = 1, MaxCharacters = 2000, MaxTokens = 400, Diversity = 0.9, HighlightsFromBullets = true, CoverHeadline = false };
        Assert.Equal(Contract.Summary(Service.Analyzer.Summarize(text, expected)), reply.Text);
        Assert.True(reply.Json.GetProperty("highlights").GetArrayLength() <= 1);
    }

    [Fact]
    public async Task SummarizeTakesPlainTextWithOptionsInTheQuery()
    {
        var text = Articles.Example;
        var reply = await Service.PostTextAsync("/v1/summarize?highlights=2&maxTokens=300&diversity=0.5&highlightsFromBullets=false&coverHeadline=false", text);
        reply.AssertOk();
        var expected = new SummaryOptions { Highlights = 2, MaxTokens = 300, Diversity = 0.5, CoverHeadline = false };
        Assert.Equal(Contract.Summary(Service.Analyzer.Summarize(text, expected)), reply.Text);
    }

    [Fact]
    public async Task NullOptionsAreTheDefaults()
    {
        var text = Articles.Example;
        var reply = await Service.PostJsonAsync("/v1/summarize", $$"""{"options": null, "text": {{JsonSerializer.Serialize(text)}}}""");
        reply.AssertOk();
        Assert.Equal(Contract.Summary(Service.Analyzer.Summarize(text)), reply.Text);
    }

    [Theory]
    [InlineData("summarize")]
    [InlineData("tag")]
    public async Task BatchAnswersEveryItemWithItsIdInOrder(string mode)
    {
        var texts = Articles.Take(4);
        var items = texts.Select((text, i) => new Dictionary<string, object?>
        {
            ["id"] = $"item-{i}",
            ["text"] = text,
            ["options"] = mode == "summarize" && i == 1 ? new { highlights = 1 } : null,
        });
        var reply = await Service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { mode, items }));
        reply.AssertOk();

        var analyzer = Service.Analyzer;
        var results = texts.Select((text, i) => mode == "tag"
            ? Contract.Tag(analyzer.Analyze(text), $"item-{i}")
            : Contract.Summary(analyzer.Summarize(text, i == 1 ? new SummaryOptions { Highlights = 1 } : null), $"item-{i}"));
        Assert.Equal($$"""{"schemaVersion":1,"mode":"{{mode}}","results":[{{string.Join(',', results)}}]}""", reply.Text);
    }

    [Fact]
    public async Task BatchSummarizesByDefaultAndTakesNoItems()
    {
        var reply = await Service.PostJsonAsync("/v1/batch", """{"items": []}""");
        reply.AssertOk();
        Assert.Equal("""{"schemaVersion":1,"mode":"summarize","results":[]}""", reply.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    public async Task EmptyOrWhiteSpaceTextIsAnEmptyResult(string text)
    {
        var tag = await Service.PostJsonAsync("/v1/tag", JsonSerializer.Serialize(new { text }));
        tag.AssertOk();
        Assert.Equal("""{"schemaVersion":1,"title":null,"paragraphs":[]}""", tag.Text);

        var summary = await Service.PostTextAsync("/v1/summarize", text);
        summary.AssertOk();
        Assert.Equal("""{"schemaVersion":1,"title":null,"highlights":[],"keyPoints":[],"west":[]}""", summary.Text);

        var batch = await Service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { mode = "tag", items = new[] { new { id = "e", text }, new { id = "f", text } } }));
        batch.AssertOk();
        Assert.Equal(2, batch.Json.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task AByteOrderMarkIsNotPartOfTheText()
    {
        var text = Articles.Example;
        var reply = await Service.SendAsync(HttpMethod.Post, "/v1/tag", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)], "text/plain");
        reply.AssertOk();
        Assert.Equal(Contract.Tag(Service.Analyzer.Analyze(text)), reply.Text);
    }

    [Fact]
    public async Task ModelsAnswersWithTheManifest()
    {
        var reply = await Service.GetAsync("/v1/models");
        reply.AssertOk();
        using var expected = new MemoryStream();
        Service.Analyzer.Manifest.Write(expected);
        Assert.Equal(expected.ToArray(), reply.Body);
        Assert.True(reply.Json.GetProperty("models").TryGetProperty("topic", out _));
    }

    [Fact]
    public async Task HealthSaysOkAndWhichBundleServes()
    {
        var reply = await Service.GetAsync("/healthz");
        reply.AssertOk();
        var health = reply.Json;
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(Service.Analyzer.Manifest.Created, health.GetProperty("models").GetProperty("created").GetString());
        Assert.True(health.GetProperty("models").GetProperty("generation").GetInt32() >= 1);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryRoute()
    {
        var reply = await Service.GetAsync("/openapi/v1.json");
        reply.AssertOk();
        var document = reply.Json;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal);
        var mapped = Service.App.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(mapped, documented);
    }

    [Theory]
    [InlineData("/v2/nothing")]
    [InlineData("/v1/tag/extra")]
    [InlineData("/index.html")]
    public async Task AnUnknownRouteIsAProblemWithACode(string path)
    {
        var problem = (await Service.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(path, problem.GetProperty("instance").GetString());
        Assert.Contains("/openapi/v1.json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/tag", "POST")]
    [InlineData("PUT", "/v1/summarize", "POST")]
    [InlineData("DELETE", "/v1/models", "GET")]
    [InlineData("POST", "/healthz", "GET")]
    public async Task AWrongMethodIsAProblemWithACodeAndAllow(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Service.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        var reply = new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), null);
        var problem = reply.AssertProblem(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Contains($"use {allowed}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedFailureIsAProblemThatDisclosesNothing()
    {
        // A middleware behind the service's own that fails on one path, as a bug in a handler would.
        await using var service = await RunningService.StartAsync(configure: builder =>
            builder.Services.AddTransient<IStartupFilter, FailingPath>());
        var reply = await service.GetAsync(FailingPath.Path);
        reply.AssertProblem(HttpStatusCode.InternalServerError, "internal-error");
        Assert.DoesNotContain(FailingPath.Secret, reply.Text, StringComparison.Ordinal);
        (await service.PostTextAsync("/v1/tag", "Still serving.")).AssertOk();
    }

    private sealed class FailingPath : IStartupFilter
    {
        public const string Path = "/fail";
        public const string Secret = "connection string of the secret database";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, after) => context.Request.Path == Path ? throw new InvalidOperationException(Secret) : after(context));
        };
    }
}
