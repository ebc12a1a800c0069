namespace Classifier.Text;

/// <summary>The kind of text an article arrives as.</summary>
public enum ArticleFormat
{
    /// <summary>Detect the kind from the text itself.</summary>
    Auto,

    /// <summary>Plain text, as pasted from a web page or an e-mail.</summary>
    PlainText,

    /// <summary>Markdown: <c>#</c> headings, <c>-</c>/<c>*</c>/<c>1.</c> lists.</summary>
    Markdown,

    /// <summary>An HTML page or fragment.</summary>
    Html,
}
