namespace Classifier.Text;

/// <summary>How <see cref="ArticleReader"/> reads text.</summary>
public sealed record ReaderOptions
{
    /// <summary>The default options: detect the format, detect a title, the built-in abbreviations.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>The format of the input; <see cref="ArticleFormat.Auto"/> detects it.</summary>
    public ArticleFormat Format { get; init; } = ArticleFormat.Auto;

    /// <summary>Whether the first line may be taken as the title (a short line without a final full stop).</summary>
    public bool DetectTitle { get; init; } = true;

    /// <summary>Abbreviations to add to the built-in list, written without their final dot ("Pty", "approx", "U.S").</summary>
    public IReadOnlyCollection<string> AdditionalAbbreviations { get; init; } = [];
}
