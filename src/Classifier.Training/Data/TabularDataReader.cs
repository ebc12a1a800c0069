using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Classifier.Training.Data;

/// <summary>Which columns of a CSV or JSON Lines file hold the text, the label, the split and the group.</summary>
public sealed record TabularColumns
{
    /// <summary>The text columns, one model input each (at most four).</summary>
    public required IReadOnlyList<string> Text { get; init; }

    /// <summary>The label column.</summary>
    public required string Label { get; init; }

    /// <summary>The split column (train/dev/test), if any.</summary>
    public string? Split { get; init; }

    /// <summary>The group column (rows of a group share a cross-validation fold), if any.</summary>
    public string? Group { get; init; }

    /// <summary>Skip malformed rows and rows with an empty label instead of stopping; skipped rows are reported.</summary>
    public bool SkipBadRows { get; init; }
}

/// <summary>Reads labelled rows from CSV (CsvHelper) or JSON Lines; errors name the file, line and field.</summary>
public static class TabularDataReader
{
    /// <summary>Reads a file; <c>.jsonl</c>/<c>.json</c> as JSON Lines, anything else as CSV.</summary>
    /// <exception cref="FormatException">A malformed row, a missing column or an empty label (unless skipping is allowed).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static LabelledData Read(string path, TabularColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file.", path);
        if (columns.Text.Count is 0 or > Classifier.Models.TextModelInput.MaxSlots)
            throw new ArgumentException($"give 1 to {Classifier.Models.TextModelInput.MaxSlots} text columns, not {columns.Text.Count}.", nameof(columns));

        CheckUtf8(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".jsonl" or ".json" ? ReadJsonLines(path, columns) : ReadCsv(path, columns);
    }

    // The split names a row may have; any other would leave the row out of training without a word.
    private static readonly string[] s_splits = ["train", "dev", "test"];

    // Bytes that are not UTF-8 would be read as U+FFFD without a word: a Latin-1 export would train on mangled words.
    private static void CheckUtf8(string path)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        var line = 1;
        using var stream = File.OpenRead(path);
        int read;
        do
        {
            read = stream.Read(bytes);
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            }
            catch (DecoderFallbackException error)
            {
                line += bytes.AsSpan(0, Math.Clamp(error.Index, 0, read)).Count((byte)'\n');
                throw new FormatException($"{path}:{line}: not UTF-8 text; save the file as UTF-8 (for example: iconv -f latin1 -t utf-8).", error);
            }

            line += bytes.AsSpan(0, read).Count((byte)'\n');
        }
        while (read > 0);
    }

    // The split as the trainer reads it, in lower case; an unknown one is an error rather than a row silently left out.
    private static string? SplitOf(string? value, string column, string path, int line)
    {
        if (value is null)
            return null;
        var split = value.Trim().ToLowerInvariant();
        return split.Length == 0 || s_splits.Contains(split)
            ? split
            : throw new FormatException($"{path}:{line}: field '{column}' is '{value}'; a split is {string.Join(", ", s_splits)} or empty (train).");
    }

    private static LabelledData ReadCsv(string path, TabularColumns columns)
    {
        var rows = new List<LabelledRow>();
        var skipped = new List<string>();
        string? badData = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badData ??= args.RawRecord,
            DetectColumnCountChanges = false, // checked below, with a message that says how many fields
            TrimOptions = TrimOptions.None,
        };

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new FormatException($"{path}:1: no header row (expected columns {string.Join(", ", AllColumns(columns))}).");

        var header = csv.HeaderRecord;
        var textIndex = columns.Text.Select(c => IndexOf(header, c, path)).ToArray();
        var labelIndex = IndexOf(header, columns.Label, path);
        var splitIndex = columns.Split is null ? -1 : IndexOf(header, columns.Split, path);
        var groupIndex = columns.Group is null ? -1 : IndexOf(header, columns.Group, path);
        var previousEnd = csv.Parser.RawRow;

        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (CsvHelperException error)
            {
                var line = previousEnd + 1;
                previousEnd = error.Context?.Parser?.RawRow ?? previousEnd;
                var message = $"{path}:{line}: malformed row ({FirstLine(error.Message)}).";
                if (!columns.SkipBadRows)
                    throw new FormatException(message, error);
                skipped.Add(message);
                continue;
            }

            if (!more)
                break;

            // A record can span lines (a quoted field with line breaks, or one never closed): name where it starts.
            var lineNumber = previousEnd + 1;
            var spans = csv.Parser.RawRow > lineNumber ? $" (the record runs to line {csv.Parser.RawRow}: is a quoted field not closed?)" : "";
            previousEnd = csv.Parser.RawRow;

            string? problem = null;
            string[] fields = [];
            if (csv.Parser.Count != header.Length)
            {
                problem = $"{path}:{lineNumber}: {csv.Parser.Count} fields, but the header has {header.Length}{spans}.";
            }
            else
            {
                // CsvHelper parses fields lazily, so bad quoting is only reported once the fields are read.
                fields = [.. Enumerable.Range(0, header.Length).Select(i => csv.GetField(i) ?? "")];
                if (badData is not null)
                    problem = $"{path}:{lineNumber}: malformed row (text after a closing quote, or a quote inside an unquoted field): {Shorten(badData)}";
                else if (fields[labelIndex].Trim().Length == 0)
                    problem = $"{path}:{lineNumber}: field '{columns.Label}' is empty (every row needs a label).";
            }

            badData = null;
            if (problem is not null)
            {
                if (!columns.SkipBadRows)
                    throw new FormatException(problem);
                skipped.Add(problem);
                continue;
            }

            string? split;
            try
            {
                split = SplitOf(splitIndex >= 0 ? fields[splitIndex] : null, columns.Split!, path, lineNumber);
            }
            catch (FormatException error) when (columns.SkipBadRows)
            {
                skipped.Add(error.Message);
                continue;
            }

            rows.Add(new LabelledRow(
                [.. textIndex.Select(i => fields[i])],
                fields[labelIndex].Trim(),
                split,
                groupIndex >= 0 ? fields[groupIndex] : null,
                lineNumber));
        }

        return new LabelledData(path, columns.Text, rows, skipped);
    }

    private static LabelledData ReadJsonLines(string path, TabularColumns columns)
    {
        var rows = new List<LabelledRow>();
        var skipped = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"{path}:{lineNumber}: expected a JSON object, found {root.ValueKind}.");

                var texts = columns.Text.Select(c => Field(root, c, path, lineNumber, required: true)!).ToArray();
                var label = Field(root, columns.Label, path, lineNumber, required: true)!.Trim();
                if (label.Length == 0)
                    throw new FormatException($"{path}:{lineNumber}: field '{columns.Label}' is empty (every row needs a label).");

                rows.Add(new LabelledRow(
                    texts,
                    label,
                    columns.Split is null ? null : SplitOf(Field(root, columns.Split, path, lineNumber, required: true), columns.Split, path, lineNumber),
                    columns.Group is null ? null : Field(root, columns.Group, path, lineNumber, required: false),
                    lineNumber));
            }
            catch (Exception error) when (error is JsonException or FormatException)
            {
                var message = error is JsonException ? $"{path}:{lineNumber}: malformed JSON ({FirstLine(error.Message)})." : error.Message;
                if (!columns.SkipBadRows || (rows.Count == 0 && error is FormatException && message.Contains("no field", StringComparison.Ordinal)))
                    throw new FormatException(message, error);
                skipped.Add(message);
            }
        }

        return new LabelledData(path, columns.Text, rows, skipped);
    }

    private static string? Field(JsonElement root, string name, string path, int line, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (!required)
                return null;
            var present = string.Join(", ", root.EnumerateObject().Select(p => p.Name));
            throw new FormatException($"{path}:{line}: no field '{name}' (fields: {present}).");
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };
    }

    private static int IndexOf(string[] header, string column, string path)
    {
        var index = Array.IndexOf(header, column);
        if (index < 0)
            index = Array.FindIndex(header, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new FormatException($"{path}:1: no column '{column}' in the header (columns: {string.Join(", ", header)}).");
        return index;
    }

    private static IEnumerable<string> AllColumns(TabularColumns columns) =>
        columns.Text.Append(columns.Label).Concat(new[] { columns.Split, columns.Group }.OfType<string>());

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : line[..77] + "...";
    }
}
