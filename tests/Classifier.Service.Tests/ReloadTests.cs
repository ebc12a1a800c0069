using System.Collections.Concurrent;

namespace Classifier.Service.Tests;

/// <summary>Reloads swap a checked bundle in without a failed request; a bad bundle is refused and the old one serves on.</summary>
public sealed class ReloadTests
{
    [Fact]
    public async Task ReloadSwapsInTheBundleAndCountsGenerations()
    {
        using var bundle = Bundles.Copy();
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = bundle.Folder });
        var reply = await service.PostJsonAsync("/v1/models/reload", "");
        reply.AssertOk();
        Assert.Equal("reloaded", reply.Json.GetProperty("status").GetString());
        Assert.Equal(2, reply.Json.GetProperty("models").GetProperty("generation").GetInt32());
        Assert.Equal(2, await service.GenerationAsync());
        (await service.PostTextAsync("/v1/tag", Articles.Example)).AssertOk();
    }

    [Theory]
    [InlineData("truncated model", "topic.zip")]
    [InlineData("missing model", "western.zip")]
    [InlineData("other schema version", "manifest.json")]
    [InlineData("malformed manifest", "manifest.json")]
    public async Task ABadBundleIsRefusedAndTheOldOneKeepsServing(string damage, string file)
    {
        using var bundle = Bundles.Copy();
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = bundle.Folder });
        var expected = (await service.PostTextAsync("/v1/tag", Articles.Example)).Text;

        var path = bundle.PathOf(file);
        switch (damage)
        {
            case "truncated model":
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..1000]);
                break;
            case "missing model":
                File.Delete(path);
                break;
            case "other schema version":
                File.WriteAllText(path, File.ReadAllText(path).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal));
                break;
            default:
                File.WriteAllText(path, "{\"models\": ");
                break;
        }

        var problem = (await service.PostJsonAsync("/v1/models/reload", "")).AssertProblem(HttpStatusCode.UnprocessableEntity, "bundle-refused");
        Assert.Contains(file, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, problem.GetProperty("servingGeneration").GetInt32());

        var after = await service.PostTextAsync("/v1/tag", Articles.Example);
        after.AssertOk();
        Assert.Equal(expected, after.Text);
        Assert.Equal(1, await service.GenerationAsync());

        // Mended, the bundle reloads.
        bundle.Restore();
        (await service.PostJsonAsync("/v1/models/reload", "")).AssertOk();
        Assert.Equal(2, await service.GenerationAsync());
    }

    [Fact]
    public async Task ReloadingUnderLoadFailsNoRequest()
    {
        using var bundle = Bundles.Copy();
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = bundle.Folder });
        var texts = Articles.Take(4);
        var expected = new List<string>();
        foreach (var text in texts)
            expected.Add((await service.PostTextAsync("/v1/summarize", text)).Text);

        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var served = 0;
        var clients = Enumerable.Range(0, 8).Select(client => Task.Run(async () =>
        {
            for (var i = client; !stop.IsCancellationRequested; i++)
            {
                var reply = await service.PostTextAsync("/v1/summarize", texts[i % texts.Count]);
                if (reply.Status != HttpStatusCode.OK || reply.Text != expected[i % texts.Count])
                    failures.Enqueue($"{(int)reply.Status}: {reply.Text[..Math.Min(300, reply.Text.Length)]}");
                Interlocked.Increment(ref served);
            }
        })).ToList();

        for (var reload = 0; reload < 3; reload++)
        {
            await Task.Delay(300, TestContext.Current.CancellationToken);
            (await service.PostJsonAsync("/v1/models/reload", "")).AssertOk();
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Assert.Empty(failures);
        Assert.True(served > 20, $"only {served} requests ran during the reloads.");
        Assert.Equal(4, await service.GenerationAsync());
    }

    [Fact]
    public async Task ASecondReloadWhileOneRunsIs409()
    {
        using var bundle = Bundles.Copy();
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = bundle.Folder });
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.PostJsonAsync("/v1/models/reload", "")));
        Assert.Contains(replies, r => r.Status == HttpStatusCode.OK);
        foreach (var reply in replies.Where(r => r.Status != HttpStatusCode.OK))
            reply.AssertProblem(HttpStatusCode.Conflict, "reload-running");
    }

    [Fact]
    public async Task TheWatcherReloadsChangedFilesAndRefusesBadOnes()
    {
        using var bundle = Bundles.Copy();
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = bundle.Folder, WatchInterval = TimeSpan.FromMilliseconds(100) });
        var manifest = bundle.PathOf("manifest.json");

        // A damaged model: refused, generation 1 serves on.
        var zip = bundle.PathOf("western.zip");
        var good = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, good[..(good.Length / 2)]);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(1, await service.GenerationAsync());
        (await service.PostTextAsync("/v1/tag", "Lithium prices fell.")).AssertOk();

        // Mended: reloaded.
        File.WriteAllBytes(zip, good);
        File.SetLastWriteTimeUtc(manifest, DateTime.UtcNow.AddSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await service.GenerationAsync() == 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the watcher never reloaded the mended bundle.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, await service.GenerationAsync());
    }
}
