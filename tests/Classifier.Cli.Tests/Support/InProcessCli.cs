using System.Text;

namespace Classifier.Cli.Tests.Support;

/// <summary>Runs the <c>classifier</c> command in-process, as <c>Main</c> does, on buffers instead of the console.</summary>
internal static class InProcessCli
{
    public static CliResult Run(params string[] args) => RunWithInput([], args);

    public static CliResult RunWithInput(byte[] stdin, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exitCode;
        using (var outWriter = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { AutoFlush = true })
        {
            var console = new CliConsole { OpenInput = () => new MemoryStream(stdin), Output = output, Out = outWriter, Error = error };
            exitCode = Program.Run(args, console);
        }

        return new CliResult(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}

/// <summary>What a run of the command gave.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts a failure with one clear message on stderr that contains <paramref name="message"/>, nothing on stdout,
    /// and no stack trace.</summary>
    public void AssertFailure(string message)
    {
        Assert.True(ExitCode != 0, $"expected a failure, got exit code 0; stderr: {Stderr}");
        Assert.Equal("", Stdout);
        AssertMessage(message);
    }

    /// <summary>Asserts that stderr holds <paramref name="message"/>, each line as "classifier: …", and no stack trace.</summary>
    public void AssertMessage(string message)
    {
        Assert.Contains(message, Stderr, StringComparison.Ordinal);
        AssertNoStackTrace();
    }

    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", Stderr, StringComparison.Ordinal);
        Assert.All(Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.True(line.StartsWith("classifier: ", StringComparison.Ordinal) || line.StartsWith("Run 'classifier", StringComparison.Ordinal), $"stray stderr line: {line}"));
    }
}
