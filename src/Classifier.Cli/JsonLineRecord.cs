using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Classifier.Text;

namespace Classifier.Cli;

/// <summary>One record of <c>--jsonl</c> input: <c>{"id", "text", "highlights"?}</c>, or what was wrong with it.</summary>
internal sealed record JsonLineRecord(string? Id, string? Text, int? Highlights, string? Error)
{
    /// <summary>Reads one line of bytes; null for a blank line, which is skipped.</summary>
    /// <param name="line">The line, without its line end.</param>
    /// <param name="path">The file, as messages name it.</param>
    /// <param name="lineNumber">1-based.</param>
    public static JsonLineRecord? Read(ReadOnlySpan<byte> line, string path, int lineNumber)
    {
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
            line = line[3..];
        if (!Utf8.IsValid(line))
            return new JsonLineRecord(null, null, null, $"{path}:{lineNumber}: not UTF-8 text (is it a binary file, or text in another encoding?).");
        var text = Encoding.UTF8.GetString(line);
        return string.IsNullOrWhiteSpace(text) ? null : Parse(text, path, lineNumber);
    }

    public static JsonLineRecord Parse(string line, string path, int lineNumber)
    {
        var where = $"{path}:{lineNumber}";
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new JsonLineRecord(null, null, null, $"{where}: expected a JSON object {{\"id\", \"text\"}}.");

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString(),
                JsonValueKind.Number => idValue.GetRawText(),
                _ => null,
            } : null;
            if (id is null)
                return new JsonLineRecord(null, null, null, $"{where}: field 'id' is missing or not a string or number.");
            if (!root.TryGetProperty("text", out var textValue) || textValue.ValueKind != JsonValueKind.String)
                return new JsonLineRecord(id, null, null, $"{where}: field 'text' is missing or not a string.");
            var text = textValue.GetString()!;
            if (TextRules.FindControl(text) is { } control)
                return new JsonLineRecord(id, null, null, $"{where}: field 'text', line {control.Line}, column {control.Column}: {CliInput.ControlMessage(text[control.Offset])}");

            int? highlights = null;
            if (root.TryGetProperty("highlights", out var count) && count.ValueKind != JsonValueKind.Null)
            {
                if (count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out var n) || n < 0)
                    return new JsonLineRecord(id, null, null, $"{where}: field 'highlights' must be a whole number of at least 0.");
                highlights = n;
            }

            return new JsonLineRecord(id, text, highlights, null);
        }
        catch (JsonException error)
        {
            var at = error.BytePositionInLine is { } position ? $" at byte {position + 1}" : "";
            return new JsonLineRecord(null, null, null, $"{where}: not valid JSON{at} ({WithoutPosition(error.Message)}).");
        }
        catch (InvalidOperationException)
        {
            // GetString cannot turn a lone surrogate escape ("\ud800") into text.
            return new JsonLineRecord(null, null, null, $"{where}: a string holds an unpaired surrogate escape (such as \\ud800), which is not text.");
        }
    }

    // System.Text.Json appends zero-based positions to its messages; the message above gives a one-based one.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|', '.');
    }
}
