using System.Buffers;
using System.Text;

namespace Classifier.Text;

/// <summary>What the CLI and the HTTP service take as text: valid UTF-8 without C0 control characters other than white
/// space. One rule in one place, so that the same input gets the same answer or the same refusal from both.</summary>
internal static class TextRules
{
    // C0 controls that are not white space; tab, line feed, vertical tab, form feed and carriage return are text.
    private static readonly SearchValues<char> s_controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>The byte offset of the first sequence that is not valid UTF-8, or the length when all of it is valid.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != OperationStatus.Done)
                return at;
            at += consumed;
        }

        return at;
    }

    /// <summary>The first C0 control character other than white space, with its offset and its line and column (1-based,
    /// in UTF-16 code units as offsets are), or null. Such characters are a sign of binary data or a broken encoding, and
    /// dropping them silently would move every offset after them.</summary>
    public static (int Offset, int Line, int Column)? FindControl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.AsSpan().IndexOfAny(s_controls);
        if (at < 0)
            return null;
        var line = text.AsSpan(0, at).Count('\n') + 1;
        var column = at - (at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1) + 1;
        return (at, line, column);
    }
}
