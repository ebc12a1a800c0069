using System.Text.RegularExpressions;

namespace Classifier.Text;

/// <summary>Tells HTML, Markdown and plain text apart from the text itself.</summary>
internal static partial class FormatDetector
{
    private const int SampleLength = 8192;

    [GeneratedRegex(
        @"<(?:!doctype|html|head|body|p|div|article|section|main|h[1-6]|ul|ol|li|br|span|a|table|blockquote|strong|em)\b[^>]*>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?m)^(?:#{1,6}[ \t]+\S|\s*[-*+][ \t]+\S.*\n\s*[-*+][ \t]+\S)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*",
        RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownSyntax();

    public static ArticleFormat Detect(string text)
    {
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        var tags = HtmlTag().Count(sample);
        if (tags >= 3 || (tags >= 1 && sample.TrimStart().StartsWith('<')))
            return ArticleFormat.Html;

        return MarkdownSyntax().IsMatch(sample) ? ArticleFormat.Markdown : ArticleFormat.PlainText;
    }
}
