using Microsoft.Extensions.DependencyInjection;

namespace Classifier.Service.Tests.Support;

/// <summary>Holds the service's analysing thread each time it has counted analysed articles, until released: a test then
/// acts while work is known to be running, whatever the machine's speed.</summary>
internal sealed class WorkHold : IDisposable
{
    private readonly AnalysisCounter _counter;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkHold(RunningService service)
    {
        _counter = service.App.Services.GetRequiredService<AnalysisCounter>();
        _counter.Counted = _ =>
        {
            _held.TrySetResult();
            // Bounded, so that a failing test cannot hang the service it is disposing.
            _released.Task.Wait(TimeSpan.FromSeconds(60));
        };
    }

    /// <summary>Completes when work is first held.</summary>
    public Task Held => _held.Task;

    /// <summary>Articles analysed so far by the service.</summary>
    public long Articles => _counter.Articles;

    /// <summary>Lets held work go on, and stops holding.</summary>
    public void Release()
    {
        _counter.Counted = null;
        _released.TrySetResult();
    }

    public void Dispose() => Release();
}
