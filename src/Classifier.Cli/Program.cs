using System.CommandLine;
using System.CommandLine.Parsing;
using Classifier.Cli.Commands;

namespace Classifier.Cli;

internal static class Program
{
    /// <summary>Set to 1 to get the stack trace of an unexpected failure, which is otherwise not shown.</summary>
    private const string TraceVariable = "CLASSIFIER_TRACE";

    private static int Main(string[] args) => Run(args, CliConsole.Process());

    /// <summary>Parses and runs a command line on <paramref name="console"/>'s streams; tests call it in-process.</summary>
    internal static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Classifier: tags and summarises news about critical minerals.")
        {
            ReadCommand.Create(console),
            CorpusCommand.Create(),
            TrainCommand.Create(),
            EvaluateCommand.Create(console),
            AnalyzeCommands.Tag(console),
            AnalyzeCommands.Summarize(console),
            ServeCommand.Create(),
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line per error, not the whole help text on stdout, where it would pass for a result.
            foreach (var error in result.Errors)
                console.Error.WriteLine($"classifier: {Describe(error)}");
            console.Error.WriteLine($"Run '{string.Join(' ', ["classifier", .. Path(result.CommandResult).Skip(1)])} --help' for usage.");
            return CommandRunner.Failure;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception error)
        {
            // A bug, not a bad input: say so in one line; the stack trace is for whoever fixes it.
            console.Error.WriteLine($"classifier: unexpected {error.GetType().Name}: {error.Message} This is a bug; please report it with the stack trace that {TraceVariable}=1 prints.");
            if (Environment.GetEnvironmentVariable(TraceVariable) == "1")
                console.Error.WriteLine(error);
            return CommandRunner.Failure;
        }
    }

    /// <summary>A parse error on one line, naming the option it is about.</summary>
    private static string Describe(ParseError error)
    {
        var message = string.Join(' ', error.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option.Name,
            ArgumentResult { Parent: OptionResult result } => result.Option.Name,
            _ => null,
        };
        return option is null || message.StartsWith(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }

    private static IEnumerable<string> Path(CommandResult? command) =>
        command is null ? [] : Path(command.Parent as CommandResult).Append(command.Command.Name);
}
