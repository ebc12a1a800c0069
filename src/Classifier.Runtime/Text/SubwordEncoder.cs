using System.Globalization;
using System.Text;

namespace Classifier.Text;

/// <summary>Turns text into o200k sub-word token ids written as words ("t1234 t56"), for the sub-word featurizer.</summary>
/// <remarks>The encoding happens outside the saved ML.NET pipeline, so a model needs no custom transform to load; training and
/// prediction both call this.</remarks>
public static class SubwordEncoder
{
    /// <summary>Encodes <paramref name="text"/> (lower-cased, so that case does not split a token's statistics).</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;

        var ids = TokenCounter.Tokenizer.EncodeToIds(text.ToLowerInvariant());
        var builder = new StringBuilder(ids.Count * 6);
        foreach (var id in ids)
        {
            if (builder.Length > 0)
                builder.Append(' ');
            builder.Append('t').Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
