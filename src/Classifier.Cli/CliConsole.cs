namespace Classifier.Cli;

/// <summary>The standard streams a command uses: the process's, or buffers when a test runs the command in-process.</summary>
internal sealed class CliConsole
{
    /// <summary>Opens standard input, for the input "-".</summary>
    public required Func<Stream> OpenInput { get; init; }

    /// <summary>Standard output as bytes: JSON Lines go out as UTF-8 whatever the console's encoding.</summary>
    public required Stream Output { get; init; }

    /// <summary>Standard output as text.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: messages for people, never results.</summary>
    public required TextWriter Error { get; init; }

    public static CliConsole Process() => new()
    {
        OpenInput = Console.OpenStandardInput,
        Output = Console.OpenStandardOutput(),
        Out = Console.Out,
        Error = Console.Error,
    };
}
