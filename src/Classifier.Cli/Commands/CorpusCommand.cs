using System.CommandLine;
using Classifier.Training.Corpus;

namespace Classifier.Cli.Commands;

/// <summary><c>classifier corpus check|stats|export|split</c>: keeps the labelled corpus honest.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var command = new Command("corpus", "Check, count, split and export the labelled corpus in training-data/.");
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Split());
        return command;
    }

    private static Option<string> DataOption() =>
        new("--data") { Description = "The training-data folder (holding articles/*.txt).", DefaultValueFactory = _ => "training-data" };

    private static Command Check()
    {
        var data = DataOption();
        var allowUnassigned = new Option<bool>("--allow-unassigned") { Description = "Accept articles whose split is still 'unassigned'." };
        var command = new Command("check", "Validate every article: labels match the reader's blocks, labels valid, splits, no near-duplicates.") { data, allowUnassigned };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var corpus = TrainingCorpus.Load(result.GetValue(data)!);
            var issues = CorpusChecker.Check(corpus, result.GetValue(allowUnassigned));
            foreach (var issue in issues)
                Console.Error.WriteLine(issue);

            Console.Out.WriteLine(issues.Count == 0
                ? $"corpus ok: {corpus.Articles.Count} articles, {corpus.Articles.Sum(a => a.Paragraphs.Count)} paragraphs, {corpus.Articles.Sum(a => a.Paragraphs.Sum(p => p.Sentences.Count))} sentences"
                : $"corpus has {issues.Count} problem(s) in {issues.Select(i => i.Path).Distinct().Count()} file(s)");
            return issues.Count == 0 ? 0 : CommandRunner.Failure;
        }));
        return command;
    }

    private static Command Stats()
    {
        var data = DataOption();
        var command = new Command("stats", "Print counts per label and split as Markdown.") { data };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var corpus = TrainingCorpus.Load(result.GetValue(data)!);
            foreach (var issue in corpus.Issues)
                Console.Error.WriteLine($"skipped: {issue}");
            Console.Out.Write(CorpusStatistics.Compute(corpus).ToMarkdown());
        }));
        return command;
    }

    private static Command Export()
    {
        var data = DataOption();
        var output = new Option<string?>("--output") { Description = "Where to write the CSV files (default: the training-data folder)." };
        var command = new Command("export", "Write paragraphs.csv, sentences.csv, highlights.csv and summaries.jsonl (texts and reference highlights for summarizers) from the articles.") { data, output };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var corpus = TrainingCorpus.Load(result.GetValue(data)!);
            if (corpus.Issues.Count > 0)
            {
                foreach (var issue in corpus.Issues)
                    Console.Error.WriteLine(issue);
                throw new CliException($"{corpus.Issues.Count} problem(s): fix them ('classifier corpus check') before exporting.");
            }

            var folder = result.GetValue(output) ?? corpus.Root;
            CorpusExporter.Export(corpus, folder);
            Console.Out.WriteLine($"wrote {CorpusExporter.ParagraphsFile}, {CorpusExporter.SentencesFile}, {CorpusExporter.HighlightsFile}, {CorpusExporter.SummariesFile} to {folder}");
        }));
        return command;
    }

    private static Command Split()
    {
        var data = DataOption();
        var reassign = new Option<bool>("--reassign") { Description = "Recompute every article's split, not only unassigned ones." };
        var command = new Command("split", "Assign unassigned articles to train/dev/test (about 70/10/20, stratified by main topic).") { data, reassign };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var changes = CorpusSplitter.Assign(result.GetValue(data)!, result.GetValue(reassign));
            Console.Out.WriteLine($"assigned: {string.Join(", ", changes.Select(c => $"{c.Key} {c.Value}"))}");
        }));
        return command;
    }
}
