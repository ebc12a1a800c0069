namespace Classifier.Training.Corpus;

/// <summary>A problem found in a corpus file, with where it is.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">The line, from 1, or 0 for the whole file.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record CorpusIssue(string Path, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}

/// <summary>Thrown when a corpus file cannot be read; the message names the file and line.</summary>
public sealed class CorpusFormatException(CorpusIssue issue) : FormatException(issue.ToString())
{
    /// <summary>Where and what.</summary>
    public CorpusIssue Issue { get; } = issue;
}
