namespace Classifier.Cli;

/// <summary>Runs a command body and turns expected failures into a message on stderr and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public const int Failure = 1;

    public static int Run(Action body) => Run(() =>
    {
        body();
        return 0;
    });

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception error) when (error is CliException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            Console.Error.WriteLine($"classifier: {error.Message}");
            return Failure;
        }
    }
}
