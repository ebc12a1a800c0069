using System.Text.Json;

namespace Classifier.Cli;

/// <summary>One record of <c>--jsonl</c> input: <c>{"id", "text", "highlights"?}</c>, or what was wrong with it.</summary>
internal sealed record JsonLineRecord(string? Id, string? Text, int? Highlights, string? Error)
{
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
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                return new JsonLineRecord(id, null, null, $"{where}: field 'text' is missing or not a string.");

            int? highlights = null;
            if (root.TryGetProperty("highlights", out var count) && count.ValueKind != JsonValueKind.Null)
            {
                if (count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out var n) || n < 0)
                    return new JsonLineRecord(id, null, null, $"{where}: field 'highlights' must be a whole number of at least 0.");
                highlights = n;
            }

            return new JsonLineRecord(id, text.GetString(), highlights, null);
        }
        catch (JsonException error)
        {
            return new JsonLineRecord(null, null, null, $"{where}: not valid JSON ({error.Message}).");
        }
    }
}
