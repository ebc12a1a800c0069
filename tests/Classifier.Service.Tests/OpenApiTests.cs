using System.Text.RegularExpressions;

namespace Classifier.Service.Tests;

/// <summary>The hand-written OpenAPI document agrees with what the service does: real responses match the documented
/// schemas member for member, documented requests are accepted, every error is a problem with a documented code.</summary>
public sealed partial class OpenApiTests(DefaultService fixture)
{
    private RunningService Service => fixture.Service;

    private static readonly string[] s_operations = ["/v1/tag", "/v1/summarize", "/v1/batch", "/v1/models", "/v1/models/reload", "/healthz"];

    [Fact]
    public async Task EveryErrorResponseIsAProblemWithACode()
    {
        var document = await DocumentAsync();
        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = Resolve(document, response.Value).GetProperty("content");
                Assert.True(content.TryGetProperty("application/problem+json", out var problem), $"{method} {path} {response.Name}: not a problem.");
                var schema = Resolve(document, problem.GetProperty("schema"));
                Assert.Contains("code", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
            }
        }
    }

    [Fact]
    public async Task TheDocumentedCodesAreTheCodesOfTheErrorTable()
    {
        var document = await DocumentAsync();
        var documented = Resolve(document, Ref("schemas", "Problem")).GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal);
        var table = File.ReadAllLines(Path.Combine(Bundles.RepositoryRoot, "docs", "http-api.md"))
            .Select(line => ErrorRow().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .Append("http-error") // named in the text below the table, for statuses nobody expects
            .Order(StringComparer.Ordinal);
        Assert.Equal(table, documented);
    }

    [Fact]
    public async Task EveryOperationDocumentsItsSuccessAsAJsonSchema()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).Where(o => s_operations.Contains(o.Path)).ToList();
        Assert.Equal(s_operations.Length, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var schema = Resolve(document, operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            Assert.True(schema.TryGetProperty("properties", out _), $"{method} {path}: the 200 schema lists no members.");
        }
    }

    [Fact]
    public async Task AnswersMatchTheirDocumentedSchemas()
    {
        var document = await DocumentAsync();
        var text = Articles.Example;
        var tagged = await Service.PostTextAsync("/v1/tag", text);
        var summarized = await Service.PostJsonAsync("/v1/summarize", JsonSerializer.Serialize(new { text }));
        var items = new[] { new { id = "a", text }, new { id = "b", text = "" } };
        var summaryBatch = await Service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { items }));
        var tagBatch = await Service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { mode = "tag", items }));

        // Spot checks that the answers hold what the contract is about, so that matching them means something.
        Assert.NotEmpty(tagged.Json.GetProperty("paragraphs").EnumerateArray());
        Assert.NotEmpty(summarized.Json.GetProperty("keyPoints").EnumerateArray());
        Assert.NotEmpty(summarized.Json.GetProperty("west").EnumerateArray());

        AssertMatches(document, Success(document, "/v1/tag", "post"), tagged);
        AssertMatches(document, Success(document, "/v1/summarize", "post"), summarized);
        AssertMatches(document, Success(document, "/v1/batch", "post"), summaryBatch);
        AssertMatches(document, Success(document, "/v1/batch", "post"), tagBatch);
        AssertMatches(document, Success(document, "/v1/models", "get"), await Service.GetAsync("/v1/models"));
        AssertMatches(document, Success(document, "/healthz", "get"), await Service.GetAsync("/healthz"));
    }

    [Fact]
    public async Task TheReloadAnswerMatchesItsDocumentedSchema()
    {
        using var bundle = Bundles.Copy();
        await using var service = await RunningService.StartAsync(new ServiceOptions { ModelsFolder = bundle.Folder });
        var document = await DocumentAsync();
        AssertMatches(document, Success(document, "/v1/models/reload", "post"), await service.PostJsonAsync("/v1/models/reload", ""));

        File.WriteAllText(bundle.PathOf("manifest.json"), "{");
        var refused = await service.PostJsonAsync("/v1/models/reload", "");
        refused.AssertProblem(HttpStatusCode.UnprocessableEntity, "bundle-refused");
        AssertMatches(document, Ref("schemas", "Problem"), refused);
    }

    [Fact]
    public async Task ProblemsMatchTheDocumentedSchema()
    {
        var document = await DocumentAsync();
        var problem = Ref("schemas", "Problem");
        Reply[] replies =
        [
            await Service.PostJsonAsync("/v1/tag", "{\"text\": "),
            await Service.PostJsonAsync("/v1/summarize", """{"text": "a", "options": {"maxWest": -1}}"""),
            await Service.PostJsonAsync("/v1/batch", """{"items": [{"id": "a"}]}"""),
            await Service.SendAsync(HttpMethod.Post, "/v1/tag", [0x61, 0xFF], "text/plain"),
            await Service.PostTextAsync("/v1/tag", "a\u0000b"),
            await Service.SendAsync(HttpMethod.Post, "/v1/tag", [0x61], "application/xml"),
            await Service.GetAsync("/v2/nothing"),
            await Service.GetAsync("/v1/tag"),
        ];
        foreach (var reply in replies)
        {
            Assert.Equal("application/problem+json", reply.MediaType);
            AssertMatches(document, problem, reply);
        }
    }

    [Fact]
    public async Task DocumentedRequestsAreAccepted()
    {
        var document = await DocumentAsync();

        // Every documented option at its documented default, in the body and in the query string.
        var options = Resolve(document, Ref("schemas", "SummaryOptions")).GetProperty("properties").EnumerateObject()
            .ToDictionary(o => o.Name, o => o.Value.GetProperty("default"));
        var query = Operations(document).Single(o => o.Path == "/v1/summarize").Operation.GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!);
        Assert.Equal(options.Keys.Order(StringComparer.Ordinal), query.Order(StringComparer.Ordinal));

        var text = Articles.Example;
        (await Service.PostJsonAsync("/v1/tag", JsonSerializer.Serialize(new { text }))).AssertOk();
        (await Service.PostJsonAsync("/v1/summarize", JsonSerializer.Serialize(new { text, options }))).AssertOk();
        var inQuery = string.Join('&', options.Where(o => o.Value.ValueKind != JsonValueKind.Null).Select(o => $"{o.Key}={o.Value.GetRawText()}"));
        (await Service.PostTextAsync($"/v1/summarize?{inQuery}", text)).AssertOk();
        var modes = Resolve(document, Ref("schemas", "BatchRequest")).GetProperty("properties").GetProperty("mode").GetProperty("enum").EnumerateArray();
        foreach (var mode in modes.Select(m => m.GetString()))
            (await Service.PostJsonAsync("/v1/batch", JsonSerializer.Serialize(new { mode, items = new[] { new { id = "a", text } } }))).AssertOk();
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var reply = await Service.GetAsync("/openapi/v1.json");
        reply.AssertOk();
        return reply.Json;
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => (path.Name, method.Name, method.Value)));

    private static JsonElement Success(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonElement Ref(string kind, string name) => JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["$ref"] = $"#/components/{kind}/{name}" });

    private static JsonElement Resolve(JsonElement document, JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
        {
            node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(part);
        }

        return node;
    }

    private static void AssertMatches(JsonElement document, JsonElement schema, Reply reply)
    {
        var errors = new List<string>();
        Check(document, schema, reply.Json, "$", errors);
        Assert.True(errors.Count == 0, $"{(int)reply.Status} {reply.Text[..Math.Min(300, reply.Text.Length)]}…\ndoes not match the document:\n{string.Join('\n', errors.Take(20))}");
    }

    /// <summary>Checks <paramref name="value"/> against the subset of JSON Schema the document uses, more strictly than JSON
    /// Schema: a member that the schema does not declare is an error too, unless the schema is a map
    /// (<c>additionalProperties</c> with a schema) or declares no members at all (any object).</summary>
    private static void Check(JsonElement document, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("oneOf", out var choices))
        {
            var matching = choices.EnumerateArray().Count(choice =>
            {
                var found = new List<string>();
                Check(document, choice, value, path, found);
                return found.Count == 0;
            });
            if (matching != 1)
                errors.Add($"{path}: matches {matching} of the oneOf schemas, not one.");
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Contains(TypeOf(value)) && !(TypeOf(value) == "integer" && types.Contains("number")))
            {
                errors.Add($"{path}: {TypeOf(value)}, documented as {string.Join(" or ", types)}.");
                return;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path}: {value.GetRawText()}, documented as always {constant.GetRawText()}.");
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of the documented values {allowed.GetRawText()}.");

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                        errors.Add($"{path}: required member '{name}' is missing.");
                }

                var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
                var map = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object ? additional : default;
                if (declared.ValueKind != JsonValueKind.Object && map.ValueKind != JsonValueKind.Object)
                    break; // documented as any object
                foreach (var member in value.EnumerateObject())
                {
                    if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(member.Name, out var memberSchema))
                        Check(document, memberSchema, member.Value, $"{path}.{member.Name}", errors);
                    else if (map.ValueKind == JsonValueKind.Object)
                        Check(document, map, member.Value, $"{path}.{member.Name}", errors);
                    else
                        errors.Add($"{path}.{member.Name}: not documented.");
                }

                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var element in value.EnumerateArray())
                    Check(document, items, element, $"{path}[{index++}]", errors);
                break;
        }
    }

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    // A row of the error table in docs/http-api.md: | 400 | `malformed-json` | ...
    [GeneratedRegex(@"^\| \d{3} \| `([a-z0-9-]+)` \|")]
    private static partial Regex ErrorRow();
}
