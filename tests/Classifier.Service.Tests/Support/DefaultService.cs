namespace Classifier.Service.Tests.Support;

/// <summary>One service with the default bundle and default limits, shared by the tests that do not change either.</summary>
public sealed class DefaultService : IAsyncLifetime
{
    private RunningService? _service;

    internal RunningService Service
    {
        get
        {
            Bundles.Require();
            return _service ?? throw new InvalidOperationException("the shared service did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Bundles.Present)
            _service = await RunningService.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
    }
}
