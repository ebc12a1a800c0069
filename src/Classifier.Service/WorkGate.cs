namespace Classifier.Service;

/// <summary>Bounds how many analyses run at once and how many wait, and gives up waiting for a result at a deadline.</summary>
/// <remarks>Analysis cannot be interrupted, so a request past its deadline is answered at once while its work finishes in
/// the background, still holding its slot: the CPU stays bounded however many requests time out.</remarks>
internal sealed class WorkGate(int concurrency, int queue) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private int _admitted;

    /// <summary>Requests running or waiting.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Requests running.</summary>
    public int Running => concurrency - _slots.CurrentCount;

    /// <summary>Runs <paramref name="work"/> on the thread pool once a slot is free.</summary>
    /// <exception cref="ServiceOverloadedException">The queue is full.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="deadline"/> was cancelled before the result was ready.</exception>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken deadline)
    {
        if (Interlocked.Increment(ref _admitted) > concurrency + queue)
        {
            Interlocked.Decrement(ref _admitted);
            throw new ServiceOverloadedException();
        }

        Task<T> task;
        try
        {
            await _slots.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }

        try
        {
            task = Task.Run(work, CancellationToken.None);
        }
        catch
        {
            Release();
            throw;
        }

        _ = task.ContinueWith(static (_, gate) => ((WorkGate)gate!).Release(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return await task.WaitAsync(deadline).ConfigureAwait(false);
    }

    public void Dispose() => _slots.Dispose();

    private void Release()
    {
        _slots.Release();
        Interlocked.Decrement(ref _admitted);
    }
}

/// <summary>Every slot is busy and the queue is full.</summary>
internal sealed class ServiceOverloadedException() : Exception("the service is busy: every analysis slot is taken and the queue is full.");
