namespace Classifier.Service;

/// <summary>Bounds how many analyses run at once and how many wait, and gives up on the work at a deadline.</summary>
/// <remarks>The deadline is handed to the work, which stops at its next check (between the articles of a batch, between
/// the stages of one article). A request past its deadline is answered at once; its slot is released only when the work
/// has stopped, so the CPU stays bounded however many requests time out.</remarks>
internal sealed class WorkGate(int concurrency, int queue) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private int _admitted;

    /// <summary>Requests running or waiting.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Requests running.</summary>
    public int Running => concurrency - _slots.CurrentCount;

    /// <summary>Runs <paramref name="work"/> on the thread pool once a slot is free, handing it <paramref name="deadline"/>
    /// to check; work not started by the deadline never starts.</summary>
    /// <exception cref="ServiceOverloadedException">The queue is full.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="deadline"/> was cancelled before the result was ready;
    /// the result, if the work still completes, is discarded.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken deadline)
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
            // With the deadline as the task's token, work cancelled before it starts is never run, and work that stops at a
            // check ends Canceled rather than Faulted.
            task = Task.Run(() => work(deadline), deadline);
        }
        catch
        {
            Release();
            throw;
        }

        _ = task.ContinueWith(static (done, gate) =>
        {
            // Observed here: after a timeout nobody awaits the work, and its failure has no one left to tell.
            _ = done.Exception;
            ((WorkGate)gate!).Release();
        }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
