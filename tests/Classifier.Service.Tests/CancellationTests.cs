using Classifier.Analysis;

namespace Classifier.Service.Tests;

/// <summary>A deadline cancels the work, not only the answer: a timed-out batch stops between groups of articles, work
/// still queued never starts, and the slot comes back once the work has stopped.</summary>
public sealed class CancellationTests
{
    private const int BatchItems = 100;

    [Theory]
    [InlineData("timeout")]
    [InlineData("client gone")]
    public async Task ACancelledBatchStopsAfterItsGroupAndFreesItsSlot(string cancelledBy)
    {
        // One slot and no queue: while the slot is held, any other request is refused with 503.
        await using var service = await RunningService.StartAsync(new ServiceOptions
        {
            ModelsFolder = Bundles.Default, MaxConcurrentRequests = 1, MaxQueuedRequests = 0,
            RequestTimeout = cancelledBy == "timeout" ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(5),
        });

        // The work is held after its first group until the request is over, so the deadline or the client's going away
        // falls between groups whatever the machine's speed.
        using var hold = new WorkHold(service);

        var items = Enumerable.Range(0, BatchItems).Select(i => new { id = $"a{i}", text = Articles.Example });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { mode = "summarize", items }), Encoding.UTF8, "application/json"),
        };
        using var client = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var sent = service.Client.SendAsync(request, client.Token);
        if (cancelledBy == "timeout")
        {
            using var response = await sent;
            var reply = new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), null);
            reply.AssertProblem(HttpStatusCode.GatewayTimeout, "timeout");
        }
        else
        {
            await hold.Held.WaitAsync(TestContext.Current.CancellationToken);
            await client.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);
        }

        hold.Release();
        await service.WaitUntilIdleAsync();
        Assert.Equal(Endpoints.GroupArticles, hold.Articles);

        // The slot is free again: with no queue, a request that found it held would get 503.
        (await service.PostTextAsync("/v1/tag", "Lithium prices fell.")).AssertOk();
    }

    [Fact]
    public void ABatchCancelledBeforeItStartsAnalysesNothing()
    {
        Bundles.Require();
        var analyzer = ArticleAnalyzer.Load(Bundles.Default);
        var batch = new BatchRequest(Summarize: true, [new BatchItem("a", Articles.Example, SummaryOptions.Default)]);
        var counter = new AnalysisCounter();
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);

        Assert.Throws<OperationCanceledException>(() => Endpoints.WriteBatch(writer, analyzer, batch, counter, new CancellationToken(canceled: true)));
        Assert.Equal(0, counter.Articles);
    }

    [Fact]
    public void ABatchIsCutIntoGroupsInItemOrder()
    {
        var items = new List<BatchItem>();
        for (var i = 0; i < 20; i++)
            items.Add(Item($"short{i}", 100));
        items.Add(Item("long", Endpoints.GroupCharacters * 2));
        items.Add(Item("half1", Endpoints.GroupCharacters / 2));
        items.Add(Item("half2", Endpoints.GroupCharacters / 2));
        items.Add(Item("half3", Endpoints.GroupCharacters / 2));

        var groups = Endpoints.Groups(items).Select(g => g.Select(i => i.Id).ToList()).ToList();

        Assert.Equal(items.Select(i => i.Id), groups.SelectMany(g => g));
        Assert.Equal([Endpoints.GroupArticles, 4, 1, 2, 1], groups.Select(g => g.Count));
        Assert.Equal(["long"], groups[2]);
    }

    [Fact]
    public async Task WorkStillQueuedAtTheDeadlineNeverStarts()
    {
        using var gate = new WorkGate(concurrency: 1, queue: 1);
        using var release = new ManualResetEventSlim();
        var holding = gate.RunAsync(_ =>
        {
            release.Wait(TestContext.Current.CancellationToken);
            return 0;
        }, CancellationToken.None);

        using var deadline = new CancellationTokenSource();
        var started = false;
        var queued = gate.RunAsync(_ => started = true, deadline.Token);
        deadline.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);

        release.Set();
        await holding;
        Assert.False(started);
        Assert.Equal(0, gate.Admitted);
    }

    [Fact]
    public async Task TheSlotIsReleasedWhenCancelledWorkStops()
    {
        using var gate = new WorkGate(concurrency: 1, queue: 0);
        using var deadline = new CancellationTokenSource();
        using var running = new ManualResetEventSlim();
        var work = gate.RunAsync(cancel =>
        {
            running.Set();
            // Work that checks its token, as a batch does between groups.
            cancel.WaitHandle.WaitOne();
            cancel.ThrowIfCancellationRequested();
            return 0;
        }, deadline.Token);
        running.Wait(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ServiceOverloadedException>(() => gate.RunAsync(_ => 0, CancellationToken.None));

        deadline.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        while (gate.Running > 0)
            await Task.Delay(5, TestContext.Current.CancellationToken);
        Assert.Equal(1, await gate.RunAsync(_ => 1, CancellationToken.None));
    }

    private static BatchItem Item(string id, int characters) => new(id, new string('a', characters), SummaryOptions.Default);

    private static string Repeat(string text, int characters)
    {
        var repeated = new StringBuilder(text);
        while (repeated.Length < characters)
            repeated.Append("\n\n").Append(text);
        return repeated.ToString();
    }
}
