using System.Net.Http.Headers;

namespace Classifier.Service.Tests;

/// <summary>Body size, batch size, deadline and queue limits answer with problems, and the service keeps serving.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task ABodyOverTheLimitIs413()
    {
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = Bundles.Default, MaxRequestBodyBytes = 1000 });
        var problem = (await service.PostTextAsync("/v1/tag", new string('a', 1001))).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(1000, problem.GetProperty("limit").GetInt64());
        (await service.PostTextAsync("/v1/tag", new string('a', 1000))).AssertOk();
    }

    [Fact]
    public async Task ABodyOverTheDefaultLimitIs413AndSaysHowToRaiseIt()
    {
        await using var service = await RunningService.StartAsync();
        var limit = new ServiceOptions().MaxRequestBodyBytes;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/summarize")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(LongArticle((int)limit + 1))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        // With Expect: 100-continue the refusal comes before the upload, as a client sending large bodies should ask.
        request.Headers.ExpectContinue = true;
        var problem = (await service.SendAsync(request)).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(limit, problem.GetProperty("limit").GetInt64());
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains($"{limit:N0} bytes", detail, StringComparison.Ordinal);
        Assert.Contains("--max-body-bytes", detail, StringComparison.Ordinal);
    }

    // About 20 s on a loaded 2-core machine, and as long again for the expected answer: run with xunit.Explicit=on.
    [Fact(Explicit = true)]
    public async Task ATenMegabyteArticleIsSummarisedUnderTheDefaultLimits()
    {
        await using var service = await RunningService.StartAsync();
        var text = ManyArticles(10_000_000);
        var reply = await service.PostTextAsync("/v1/summarize", text);
        reply.AssertOk();
        Assert.Equal(Contract.Summary(service.Analyzer.Summarize(text)), reply.Text);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIs413()
    {
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = Bundles.Default, MaxRequestBodyBytes = 1000 });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/summarize")
        {
            // No length known in advance: the client sends it chunked and the server counts as it reads.
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 5000)))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        request.Headers.TransferEncodingChunked = true;
        (await service.SendAsync(request)).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        (await service.PostTextAsync("/v1/tag", "Still serving.")).AssertOk();
    }

    [Fact]
    public async Task TooManyBatchItemsIs413()
    {
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = Bundles.Default, MaxBatchItems = 2 });
        var items = Enumerable.Range(0, 3).Select(i => new { id = $"{i}", text = "Lithium prices fell." });
        var problem = (await service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { items }))).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "too-many-items");
        Assert.Equal(2, problem.GetProperty("limit").GetInt32());
        (await service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { items = items.Take(2) }))).AssertOk();
    }

    [Fact]
    public async Task ARequestPastItsDeadlineIs504AndTheServiceRecovers()
    {
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = Bundles.Default, RequestTimeout = TimeSpan.FromMilliseconds(200) });
        using var hold = new WorkHold(service);
        var problem = (await service.PostTextAsync("/v1/tag", Articles.Example)).AssertProblem(HttpStatusCode.GatewayTimeout, "timeout");
        Assert.Equal(0.2, problem.GetProperty("limitSeconds").GetDouble());

        // The work holds its slot until it stops at its next check; then the slot is free again.
        hold.Release();
        await service.WaitUntilIdleAsync();
        (await service.PostTextAsync("/v1/tag", "Lithium prices fell.")).AssertOk();
    }

    [Fact]
    public async Task AFullQueueIs503WithRetryAfter()
    {
        await using var service = await RunningService.StartAsync(new ServiceOptions
        {
            ModelsFolder = Bundles.Default, MaxConcurrentRequests = 1, MaxQueuedRequests = 0, RequestTimeout = TimeSpan.FromMinutes(5),
        });
        using var hold = new WorkHold(service);
        var slow = service.PostTextAsync("/v1/tag", Articles.Example);
        await hold.Held.WaitAsync(TestContext.Current.CancellationToken);

        var refused = await service.PostTextAsync("/v1/tag", "Lithium prices fell.");
        refused.AssertProblem(HttpStatusCode.ServiceUnavailable, "busy");
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);

        hold.Release();
        (await slow).AssertOk();
        (await service.PostTextAsync("/v1/tag", "Lithium prices fell.")).AssertOk();
    }

    [Fact]
    public async Task AClientThatGoesAwayFreesItsSlot()
    {
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = Bundles.Default, MaxConcurrentRequests = 1, MaxQueuedRequests = 0 });
        using (var hold = new WorkHold(service))
        using (var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            using var content = new StringContent(Articles.Example, Encoding.UTF8, "text/plain");
            var sent = service.Client.PostAsync("/v1/tag", content, cancel.Token);
            await hold.Held.WaitAsync(TestContext.Current.CancellationToken);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);
        }

        await service.WaitUntilIdleAsync();
        (await service.PostTextAsync("/v1/tag", "Lithium prices fell.")).AssertOk();
    }

    // Paragraphs of the example article repeated to the length wanted: slow to analyse, but ordinary text.
    private static string LongArticle(int characters)
    {
        var text = new StringBuilder();
        var example = Articles.Example;
        while (text.Length < characters)
            text.Append(example).Append("\n\n");
        return text.ToString();
    }

    // The corpus's articles one after another to the length wanted: a long text that does not repeat every few paragraphs.
    private static string ManyArticles(int characters)
    {
        var text = new StringBuilder();
        var articles = Articles.Take(int.MaxValue);
        for (var i = 0; text.Length < characters; i++)
            text.Append(articles[i % articles.Count]).Append("\n\n");
        return text.ToString();
    }
}
