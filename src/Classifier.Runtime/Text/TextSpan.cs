namespace Classifier.Text;

/// <summary>A range of characters in a document's text: <see cref="Start"/> and <see cref="Length"/> in UTF-16 code units.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Whether <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    internal static TextSpan FromBounds(int start, int end) => new(start, end - start);
}
