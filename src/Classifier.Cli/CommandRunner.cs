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

    public static int Run(Func<int> body) => Run(Console.Error, body);

    public static int Run(TextWriter error, Action body) => Run(error, () =>
    {
        body();
        return 0;
    });

    public static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception failure) when (failure is CliException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            error.WriteLine($"classifier: {failure.Message}");
            return Failure;
        }
    }
}
