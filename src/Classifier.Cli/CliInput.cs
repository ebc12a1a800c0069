using System.Text;
using System.Text.Unicode;

using Classifier.Text;

namespace Classifier.Cli;

/// <summary>Reads the text a command works on, a file or standard input for "-", and refuses what is not text with a message
/// that says where. The rules are the HTTP service's (<see cref="TextRules"/>), so the same input gets the same answer or the
/// same refusal.</summary>
internal static class CliInput
{
    /// <summary>How a path is named in messages: standard input is "stdin".</summary>
    public static string NameOf(string path) => path == "-" ? "stdin" : path;

    /// <exception cref="CliException">No such file, or not UTF-8 text.</exception>
    public static string ReadText(string path, CliConsole console)
    {
        if (path == "-")
        {
            using var stdin = console.OpenInput();
            using var copy = new MemoryStream();
            stdin.CopyTo(copy);
            return Decode(copy.GetBuffer().AsSpan(0, (int)copy.Length), NameOf(path));
        }

        if (Directory.Exists(path))
            throw new CliException($"{path}: a folder, not a file.");
        if (!File.Exists(path))
            throw new CliException($"{path}: no such file.");
        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>UTF-8 bytes as text, without a leading byte order mark (File.ReadAllText drops it too, so offsets agree).</summary>
    /// <param name="bytes">The text.</param>
    /// <param name="where">The file, or file and line, that the message names.</param>
    /// <exception cref="CliException">Not valid UTF-8, or a control character that is not white space.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string where)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        if (!Utf8.IsValid(bytes))
        {
            var at = TextRules.FirstInvalidUtf8(bytes);
            var before = bytes[..at];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            throw new CliException($"{where}:{before.Count((byte)'\n') + 1}:{Encoding.UTF8.GetCharCount(before[lineStart..]) + 1}: not UTF-8 text: " +
                $"the byte sequence at offset {at} (starting 0x{bytes[at]:X2}) is not valid UTF-8. Is it a binary file, or text in another encoding? " +
                "Convert text to UTF-8 first (for example: iconv -f latin1 -t utf-8).");
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (TextRules.FindControl(text) is { } control)
            throw new CliException($"{where}:{control.Line}:{control.Column}: {ControlMessage(text[control.Offset])}");
        return text;
    }

    public static string ControlMessage(char control) =>
        $"control character U+{(int)control:X4}; text may hold tab, line feed, vertical tab, form feed and carriage return, but no " +
        "other control character. Is it a binary file?";

    /// <summary>True for text with nothing but white space, which analyses to an empty result.</summary>
    public static bool IsBlank(string text) => text.AsSpan().IsWhiteSpace();

    /// <summary>The lines of a stream as bytes, without their line ends: each is decoded by itself, so that a line that is not
    /// UTF-8 is that line's error rather than the whole file's.</summary>
    public static IEnumerable<byte[]> ReadLines(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        using var line = new MemoryStream();
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var rest = buffer.AsMemory(0, read);
            int end;
            while ((end = rest.Span.IndexOf((byte)'\n')) >= 0)
            {
                line.Write(rest.Span[..end]);
                yield return WithoutCarriageReturn(line);
                line.SetLength(0);
                rest = rest[(end + 1)..];
            }

            line.Write(rest.Span);
        }

        if (line.Length > 0)
            yield return WithoutCarriageReturn(line);
    }

    private static byte[] WithoutCarriageReturn(MemoryStream line)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        return (bytes.EndsWith((byte)'\r') ? bytes[..^1] : bytes).ToArray();
    }
}

/// <summary>An error the user can fix; printed on stderr without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
