using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Classifier.Analysis;
using Classifier.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Classifier.Service;

/// <summary>One article to tag or summarise.</summary>
internal sealed record ArticleRequest(string Text, SummaryOptions Options);

/// <summary>One item of a batch.</summary>
internal sealed record BatchItem(string Id, string Text, SummaryOptions Options);

/// <summary>A batch: its items and whether they are tagged or summarised.</summary>
internal sealed record BatchRequest(bool Summarize, IReadOnlyList<BatchItem> Items);

/// <summary>Turns request bodies into requests, or into problems that say what is wrong and where.</summary>
internal static class RequestReader
{
    private static readonly string[] s_optionNames =
        ["highlights", "keyPointsPerTopic", "maxWest", "maxCharacters", "maxTokens", "diversity", "highlightsFromBullets", "coverHeadline"];

    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Reads a <c>/v1/tag</c> or <c>/v1/summarize</c> request: JSON <c>{"text", "options"?}</c>, or text/plain
    /// with summary options in the query string.</summary>
    public static async Task<ArticleRequest> ReadArticleAsync(HttpRequest request, long limit, bool summarize, CancellationToken cancel)
    {
        var json = IsJson(request);
        if (!json && summarize)
        {
            var body = Text(await ReadBodyAsync(request, limit, cancel).ConfigureAwait(false));
            return new ArticleRequest(CheckText(body, "the body"), QueryOptions(request.Query));
        }

        RefuseQuery(request.Query, summarize ? "with a JSON body, options go in its \"options\" member." : "tagging takes no options.");
        var bytes = await ReadBodyAsync(request, limit, cancel).ConfigureAwait(false);
        if (!json)
            return new ArticleRequest(CheckText(Text(bytes), "the body"), SummaryOptions.Default);

        using var document = Parse(bytes);
        var root = Object(document.RootElement, "$", "an object such as {\"text\": \"...\"}");
        string? text = null;
        var options = SummaryOptions.Default;
        foreach (var property in root.EnumerateObject())
        {
            switch (Name(property, "$"))
            {
                case "text":
                    text = String(property.Value, "$.text");
                    break;
                case "options" when summarize:
                    options = Options(property.Value, "$.options");
                    break;
                case "options":
                    if (property.Value.ValueKind != JsonValueKind.Null)
                        throw ServiceProblem.InvalidRequest("$.options", "tagging takes no options (they shape summaries: use /v1/summarize).");
                    break;
                default:
                    throw ServiceProblem.InvalidRequest(Member("$", property.Name), "unknown member; a request has \"text\" and, for summaries, \"options\".");
            }
        }

        return new ArticleRequest(text ?? throw ServiceProblem.InvalidRequest("$.text", "missing; the request needs the article as a string."), options);
    }

    /// <summary>Reads a <c>/v1/batch</c> request: <c>{"items": [{"id", "text", "options"?}], "mode"?}</c>.</summary>
    public static async Task<BatchRequest> ReadBatchAsync(HttpRequest request, long limit, int maxItems, CancellationToken cancel)
    {
        if (!IsJson(request))
            throw ServiceProblem.UnsupportedMediaType($"a batch is JSON: send Content-Type: application/json, not '{request.ContentType}'.");
        RefuseQuery(request.Query, "a batch takes its options per item, in the JSON body.");
        var bytes = await ReadBodyAsync(request, limit, cancel).ConfigureAwait(false);
        using var document = Parse(bytes);
        var root = Object(document.RootElement, "$", "an object such as {\"items\": [...], \"mode\": \"summarize\"}");
        var summarize = true;
        JsonElement? items = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (Name(property, "$"))
            {
                case "mode":
                    summarize = String(property.Value, "$.mode") switch
                    {
                        "summarize" => true,
                        "tag" => false,
                        var other => throw ServiceProblem.InvalidRequest("$.mode", $"'{other}' is not a mode; expected \"summarize\" or \"tag\"."),
                    };
                    break;
                case "items":
                    items = property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value
                        : throw ServiceProblem.InvalidRequest("$.items", $"expected an array of {{\"id\", \"text\"}} objects, got {Kind(property.Value)}.");
                    break;
                default:
                    throw ServiceProblem.InvalidRequest(Member("$", property.Name), "unknown member; a batch has \"items\" and \"mode\".");
            }
        }

        var array = items ?? throw ServiceProblem.InvalidRequest("$.items", "missing; a batch needs an array of {\"id\", \"text\"} objects.");
        var count = array.GetArrayLength();
        if (count > maxItems)
            throw ServiceProblem.TooManyItems(count, maxItems);

        var result = new List<BatchItem>(count);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = $"$.items[{index++}]";
            var item = Object(element, at, "an object such as {\"id\": \"a1\", \"text\": \"...\"}");
            string? id = null, text = null;
            var options = SummaryOptions.Default;
            foreach (var property in item.EnumerateObject())
            {
                switch (Name(property, at))
                {
                    case "id":
                        id = String(property.Value, $"{at}.id");
                        break;
                    case "text":
                        text = String(property.Value, $"{at}.text");
                        break;
                    case "options" when summarize:
                        options = Options(property.Value, $"{at}.options");
                        break;
                    case "options":
                        if (property.Value.ValueKind != JsonValueKind.Null)
                            throw ServiceProblem.InvalidRequest($"{at}.options", "mode \"tag\" takes no options (they shape summaries).");
                        break;
                    default:
                        throw ServiceProblem.InvalidRequest(Member(at, property.Name), "unknown member; an item has \"id\", \"text\" and, for summaries, \"options\".");
                }
            }

            result.Add(new BatchItem(
                id ?? throw ServiceProblem.InvalidRequest($"{at}.id", "missing; every item needs a string id, which its result repeats."),
                text ?? throw ServiceProblem.InvalidRequest($"{at}.text", "missing; every item needs the article as a string."),
                options));
        }

        return new BatchRequest(summarize, result);
    }

    private static bool IsJson(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            throw ServiceProblem.UnsupportedMediaType("no Content-Type; send application/json ({\"text\": \"...\"}) or text/plain (the article itself) in UTF-8.");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            throw ServiceProblem.UnsupportedMediaType($"Content-Type '{request.ContentType}' is not a media type; send application/json or text/plain.");

        var charset = type.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            throw ServiceProblem.UnsupportedMediaType($"charset '{charset}'; the service reads UTF-8 only.");

        if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            return true;
        if (type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            return false;
        throw ServiceProblem.UnsupportedMediaType($"Content-Type '{type.MediaType}'; send application/json ({{\"text\": \"...\"}}) or text/plain (the article itself).");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        if (request.Headers.ContentEncoding is { Count: > 0 } encoding && !encoding.ToString().Equals("identity", StringComparison.OrdinalIgnoreCase))
            throw ServiceProblem.UnsupportedMediaType($"Content-Encoding '{encoding}'; send the body uncompressed.");
        if (request.ContentLength > limit)
            throw ServiceProblem.BodyTooLarge(limit);

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 16 * 1024, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
            {
                // Kestrel enforces the limit too; this covers servers that do not.
                if (body.Length + read > limit)
                    throw ServiceProblem.BodyTooLarge(limit);
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ServiceProblem.BodyTooLarge(limit);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);

        // A UTF-8 byte order mark is not part of the text (File.ReadAllText drops it too, so offsets match the CLI's).
        var bom = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        bytes = bytes[bom..];
        if (!Utf8.IsValid(bytes.Span))
        {
            var at = TextRules.FirstInvalidUtf8(bytes.Span) + bom;
            var problem = ServiceProblem.InvalidText("invalid-utf8", "Invalid UTF-8", string.Create(CultureInfo.InvariantCulture,
                $"the body is not valid UTF-8: the sequence at byte offset {at} (0x{bytes.Span[at - bom]:X2}) is invalid. Send text encoded as UTF-8."));
            problem.Extensions["byteOffset"] = at;
            throw problem;
        }

        return bytes;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private static JsonDocument Parse(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw ServiceProblem.MalformedJson("the body is empty; send a JSON object such as {\"text\": \"...\"}.");
        try
        {
            return JsonDocument.Parse(bytes, s_json);
        }
        catch (JsonException error)
        {
            if (error.LineNumber is not { } line || error.BytePositionInLine is not { } position)
                throw ServiceProblem.MalformedJson($"malformed JSON: {Trim(error.Message)}");
            var problem = ServiceProblem.MalformedJson($"malformed JSON at line {line + 1}, byte {position + 1}: {Trim(error.Message)}");
            problem.Extensions["line"] = line + 1;
            problem.Extensions["bytePositionInLine"] = position + 1;
            throw problem;
        }
        catch (InvalidOperationException)
        {
            // The duplicate-member check unescapes every name, and a lone surrogate escape cannot be unescaped.
            throw ServiceProblem.InvalidText("invalid-text", "Invalid text",
                "$: a member name holds an unpaired surrogate escape (such as \\ud800), which is not text.");
        }
    }

    // System.Text.Json appends zero-based positions to its messages; the detail gives one-based ones instead.
    private static string Trim(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut].TrimEnd(' ', '|');
    }

    private static string Name(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw ServiceProblem.InvalidText("invalid-text", "Invalid text",
                $"{path}: a member name holds an unpaired surrogate escape (such as \\ud800), which is not text.");
        }
    }

    /// <summary>The path of member <paramref name="name"/> of <paramref name="path"/>: <c>$.text</c>, or <c>$['odd name']</c>.</summary>
    private static string Member(string path, string name) =>
        name.Length > 0 && name.All(char.IsAsciiLetterOrDigit) ? $"{path}.{name}" : $"{path}['{Display(name)}']";

    /// <summary>A name from the request, safe to quote in a message: controls and surrogates escaped, and not too long.</summary>
    private static string Display(string value)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Length > 60 ? value[..60] : value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\\' or '\'')
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                shown.Append(c);
        }

        return value.Length > 60 ? shown.Append('…').ToString() : shown.ToString();
    }

    private static JsonElement Object(JsonElement element, string path, string expected) =>
        element.ValueKind == JsonValueKind.Object
            ? element
            : throw ServiceProblem.InvalidRequest(path, $"expected {expected}, got {Kind(element)}.");

    private static string String(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw ServiceProblem.InvalidRequest(path, $"expected a string, got {Kind(element)}.");
        string value;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw ServiceProblem.InvalidText("invalid-text", "Invalid text",
                $"{path}: the string holds an unpaired surrogate escape (such as \\ud800), which is not text.");
        }

        return CheckText(value, path);
    }

    /// <summary>Refuses C0 control characters other than white space: NUL and friends are a sign of binary data or a
    /// broken encoding, and silently dropping them would move every offset after them.</summary>
    private static string CheckText(string text, string where)
    {
        if (TextRules.FindControl(text) is not var (at, line, column))
            return text;
        var problem = ServiceProblem.InvalidText("control-character", "Control character in text",
            string.Create(CultureInfo.InvariantCulture,
                $"{where}: control character U+{(int)text[at]:X4} at character {at} (line {line}, column {column}); text may hold tab, line feed, vertical tab, form feed and carriage return, but no other C0 control."));
        problem.Extensions["offset"] = at;
        problem.Extensions["line"] = line;
        problem.Extensions["column"] = column;
        throw problem;
    }

    private static SummaryOptions Options(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return SummaryOptions.Default;
        if (element.ValueKind != JsonValueKind.Object)
            throw ServiceProblem.InvalidRequest(path, $"expected an object of summary options, got {Kind(element)}.");
        var options = SummaryOptions.Default;
        foreach (var property in element.EnumerateObject())
            options = Set(options, Name(property, path), property.Value, Member(path, property.Name));
        return Validated(options, name => $"{path}.{name}");
    }

    private static SummaryOptions QueryOptions(IQueryCollection query)
    {
        var options = SummaryOptions.Default;
        foreach (var (name, values) in query)
        {
            var where = $"query parameter '{Display(name)}'";
            if (values.Count != 1)
                throw ServiceProblem.InvalidOption(where, Display(name), "given more than once.");
            options = Set(options, name, QueryValue(values[0] ?? ""), where);
        }

        return Validated(options, name => $"query parameter '{Display(name)}'");
    }

    // A query value is read as a JSON literal when it is one (5, 0.4, true, null), else as a string, so one parser
    // checks both kinds of request.
    private static JsonElement QueryValue(string value)
    {
        try
        {
            using var literal = JsonDocument.Parse(value);
            if (literal.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                return literal.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not a literal: a string.
        }

        return JsonSerializer.SerializeToElement(value);
    }

    private static SummaryOptions Set(SummaryOptions options, string name, JsonElement value, string path) => name switch
    {
        "highlights" => options with { Highlights = Count(value, path, name) },
        "keyPointsPerTopic" => options with { KeyPointsPerTopic = Count(value, path, name) },
        "maxWest" => options with { MaxWest = Count(value, path, name) },
        "maxCharacters" => options with { MaxCharacters = value.ValueKind == JsonValueKind.Null ? null : Count(value, path, name) },
        "maxTokens" => options with { MaxTokens = value.ValueKind == JsonValueKind.Null ? null : Count(value, path, name) },
        "diversity" => options with { Diversity = Fraction(value, path, name) },
        "highlightsFromBullets" => options with { HighlightsFromBullets = Flag(value, path, name) },
        "coverHeadline" => options with { CoverHeadline = Flag(value, path, name) },
        _ => throw ServiceProblem.InvalidOption(path, Display(name), $"unknown option; the options are {string.Join(", ", s_optionNames)}."),
    };

    private static int Count(JsonElement value, string path, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw ServiceProblem.InvalidOption(path, name, $"expected a whole number from 0 to {int.MaxValue}, got {Show(value)}.");

    private static double Fraction(JsonElement value, string path, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number is >= 0 and <= 1
            ? number
            : throw ServiceProblem.InvalidOption(path, name, $"expected a number from 0 to 1, got {Show(value)}.");

    private static bool Flag(JsonElement value, string path, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw ServiceProblem.InvalidOption(path, name, $"expected true or false, got {Show(value)}."),
    };

    // The runtime's own check, in case it grows rules the parser does not know.
    private static SummaryOptions Validated(SummaryOptions options, Func<string, string> where)
    {
        try
        {
            options.Validate();
            return options;
        }
        catch (ArgumentOutOfRangeException error)
        {
            var name = string.IsNullOrEmpty(error.ParamName) ? "options" : char.ToLowerInvariant(error.ParamName[0]) + error.ParamName[1..];
            throw ServiceProblem.InvalidOption(where(name), name, error.Message);
        }
    }

    private static void RefuseQuery(IQueryCollection query, string why)
    {
        if (query.Count > 0)
            throw ServiceProblem.InvalidRequest($"query parameter '{query.Keys.First()}'", $"not accepted here: {why}");
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Show(JsonElement value)
    {
        var raw = value.ValueKind == JsonValueKind.String ? $"the string {value.GetRawText()}" : value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
