using System.CommandLine;
using Classifier.Cli.Commands;

namespace Classifier.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Classifier: tags and summarises news about critical minerals.")
        {
            ReadCommand.Create(),
            CorpusCommand.Create(),
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            AnalyzeCommands.Tag(),
            AnalyzeCommands.Summarize(),
            ServeCommand.Create(),
        };

        return root.Parse(args).Invoke();
    }
}
