using System.Text;

namespace Classifier.Text;

/// <summary>White-space normalisation shared by the HTML extractor and the corpus aligner.</summary>
internal static class WhiteSpace
{
    /// <summary>Collapses runs of white space to one space and trims the ends.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
