using System.Globalization;
using Classifier.Analysis;
using Classifier.Text;

namespace Classifier.Cli.Commands;

/// <summary>Renders analyses and summaries for people: Markdown in the shape of an analyst's brief, or plain text.</summary>
internal static class AnalysisText
{
    public static void SummaryMarkdown(ArticleSummary summary, TextWriter output, int headingLevel = 1)
    {
        var h = new string('#', headingLevel);
        output.WriteLine($"{h} {summary.Title ?? "(untitled)"}");
        output.WriteLine();
        output.WriteLine($"{h}# Highlights");
        output.WriteLine();
        Bullets(summary.Highlights, output);
        output.WriteLine($"{h}# Key Takeaways");
        output.WriteLine();
        if (summary.KeyPoints.Count == 0)
            output.WriteLine($"_{NoKeyPoints(summary)}_\n");
        foreach (var point in summary.KeyPoints)
        {
            output.WriteLine($"{h}## {Capitalize(point.Topic)}");
            output.WriteLine();
            Bullets(point.Sentences, output);
        }

        output.WriteLine($"{h}# Why It Matters to the West");
        output.WriteLine();
        if (summary.West.Count == 0)
            output.WriteLine(HasWesternSentences(summary) ? $"_{OverBudget}_\n" : "_No sentence of this article bears on Western interests._\n");
        else
            Bullets(summary.West, output);
    }

    public static void SummaryText(ArticleSummary summary, TextWriter output)
    {
        output.WriteLine(summary.Title ?? "(untitled)");
        output.WriteLine();
        output.WriteLine("Highlights:");
        foreach (var s in summary.Highlights)
            output.WriteLine($"  * {s.Text}");
        foreach (var point in summary.KeyPoints)
        {
            output.WriteLine($"{Capitalize(point.Topic)}:");
            foreach (var s in point.Sentences)
                output.WriteLine($"  * {s.Text}");
        }

        output.WriteLine("Why it matters to the West:");
        if (summary.West.Count == 0)
            output.WriteLine(HasWesternSentences(summary) ? $"  ({OverBudget})" : "  (none)");
        foreach (var s in summary.West)
            output.WriteLine($"  * {s.Text}");
    }

    public static void TagMarkdown(ArticleAnalysis analysis, TextWriter output)
    {
        output.WriteLine($"# {analysis.Title ?? "(untitled)"}");
        output.WriteLine();
        output.WriteLine("| # | kind | topic | p | text |");
        output.WriteLine("| ---: | --- | --- | ---: | --- |");
        foreach (var p in analysis.Paragraphs)
        {
            var probability = p.Topic is { } topic ? p.TopicScores[topic].ToString("F2", CultureInfo.InvariantCulture) : "";
            var text = string.Join(" ", p.Sentences.Select(s => s.IsWestern ? $"**{Escape(s.Text)}** (W {s.WesternScore.ToString("F2", CultureInfo.InvariantCulture)})" : Escape(s.Text)));
            output.WriteLine($"| {p.Index} | {Kind(p.Kind)}{(p.IsBoilerplate ? " (boilerplate)" : "")} | {p.Topic ?? ""} | {probability} | {text} |");
        }

        output.WriteLine();
        output.WriteLine("Sentences in **bold** matter to the West (W: calibrated probability).");
    }

    public static void TagText(ArticleAnalysis analysis, TextWriter output)
    {
        output.WriteLine($"title: {analysis.Title}");
        foreach (var p in analysis.Paragraphs)
        {
            output.WriteLine();
            var topic = p.Topic is { } t ? $" {t} {p.TopicScores[t].ToString("F2", CultureInfo.InvariantCulture)}" : "";
            output.WriteLine($"[{p.Index}] {Kind(p.Kind)}{(p.IsBoilerplate ? " (boilerplate)" : "")}{topic} @{p.Span.Start}+{p.Span.Length}");
            foreach (var s in p.Sentences)
            {
                var flag = s.IsWestern ? "W" : " ";
                output.WriteLine($"  {flag} {s.WesternScore.ToString("F2", CultureInfo.InvariantCulture)} {s.Salience.ToString("F2", CultureInfo.InvariantCulture)}  {s.Text}");
            }
        }
    }

    // An empty West section means "none" only when the article has no Western sentence; otherwise the length budget left
    // them out, and saying "none" would tell the analyst the opposite of what the models found.
    private const string OverBudget = "Western sentences were found but left out: they do not fit the length budget.";

    private static bool HasWesternSentences(ArticleSummary summary) => summary.Analysis.Sentences.Any(s => s.IsWestern);

    // Why there are no key points: nothing substantive, all of it already in the highlights, or the options left it out.
    private static string NoKeyPoints(ArticleSummary summary)
    {
        var candidates = summary.Analysis.Sentences.Count(s => s.IsCandidate);
        if (candidates == 0)
            return "No substantive paragraphs found.";
        return candidates <= summary.Highlights.Count
            ? "Every substantive sentence is among the highlights."
            : "Other sentences were left out: they do not fit the summary's options (length budget, key points per topic).";
    }

    private static void Bullets(IReadOnlyList<SummarySentence> sentences, TextWriter output)
    {
        foreach (var s in sentences)
            output.WriteLine($"- {s.Text}");
        output.WriteLine();
    }

    private static string Kind(BlockKind kind) => kind.ToString().ToLowerInvariant();

    private static string Capitalize(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
