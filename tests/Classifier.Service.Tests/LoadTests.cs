using System.Collections.Concurrent;
using System.Diagnostics;
using Classifier.Analysis;

namespace Classifier.Service.Tests;

/// <summary>Many clients at once get exactly what one client gets alone, and no errors.</summary>
public sealed class LoadTests
{
    private const int Clients = 16;
    private const int Requests = 2000;

    [Fact]
    public async Task SixteenClientsGetByteIdenticalAnswersAndNoErrors()
    {
        await using var service = await RunningService.StartAsync();
        var texts = Articles.Openings(3, 1200);

        // The catalogue of requests, and each one's answer computed in-process by the runtime.
        var analyzer = service.Analyzer;
        var catalogue = new List<(string Path, string Body, string Type, string Expected)>();
        foreach (var text in texts)
        {
            catalogue.Add(("/v1/tag", text, "text/plain", Contract.Tag(analyzer.Analyze(text))));
            catalogue.Add(("/v1/summarize", JsonSerializer.Serialize(new { text, options = new { highlights = 2 } }), "application/json",
                Contract.Summary(analyzer.Summarize(text, new SummaryOptions { Highlights = 2 }))));
        }

        var batch = texts.Take(2).Select((text, i) => (Id: $"b{i}", Text: text)).ToList();
        catalogue.Add(("/v1/batch", JsonSerializer.Serialize(new { mode = "summarize", items = batch.Select(b => new { id = b.Id, text = b.Text }) }), "application/json",
            $$"""{"schemaVersion":1,"mode":"summarize","results":[{{string.Join(',', batch.Select(b => Contract.Summary(analyzer.Summarize(b.Text), b.Id)))}}]}"""));

        // Sequentially first: the service's answers are the runtime's.
        foreach (var (path, body, type, expected) in catalogue)
            Assert.Equal(expected, (await service.SendAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(body), type)).Text);

        var next = -1;
        var failures = new ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Requests)
            {
                var (path, body, type, expected) = catalogue[n % catalogue.Count];
                var reply = await service.SendAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(body), type);
                if (reply.Status != HttpStatusCode.OK || reply.Text != expected)
                    failures.Enqueue($"request {n} ({path}): {(int)reply.Status} {reply.Text[..Math.Min(300, reply.Text.Length)]}");
            }
        })));

        TestContext.Current.TestOutputHelper?.WriteLine($"{Requests} requests from {Clients} clients in {watch.Elapsed.TotalSeconds:0.0} s ({Requests / watch.Elapsed.TotalSeconds:0} requests/s).");
        Assert.Empty(failures);
    }
}
