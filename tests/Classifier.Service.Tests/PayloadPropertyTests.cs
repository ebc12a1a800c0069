using CsCheck;

namespace Classifier.Service.Tests;

/// <summary>Whatever bytes or JSON arrive, the service answers 2xx or a 4xx problem: never a 500, never a hang.</summary>
public sealed class PayloadPropertyTests(DefaultService fixture)
{
    private static readonly string[] s_paths = ["/v1/tag", "/v1/summarize", "/v1/batch"];
    private static readonly string[] s_types = ["application/json", "text/plain", "text/plain; charset=utf-8", "application/octet-stream"];

    // Characters that stress the reader and the JSON parser: structure, controls, surrogates, markup, quotes.
    private static readonly Gen<char> s_char = Gen.OneOf(
        Gen.Char['\0', '\u007f'],
        Gen.OneOf<char>('\n', '\r', '\t', '.', '"', '\\', '<', '>', '\u2028', '\u00a0', '\ud800', '\udc00', '\ufeff', 'é', '中'),
        Gen.Char['a', 'z']);

    private static readonly Gen<string> s_string = s_char.Array[0, 40].Select(chars => new string(chars));

    // Member names the service knows, mixed with near misses and noise, so generated objects often look like requests.
    private static readonly Gen<string> s_name = Gen.OneOf(
        Gen.OneOf<string>("text", "options", "items", "id", "mode", "highlights", "keyPointsPerTopic", "maxWest", "maxCharacters", "maxTokens", "diversity", "highlightsFromBullets", "coverHeadline", "Text", ""),
        s_string);

    private static readonly Gen<string> s_json = Gen.Recursive<string>((depth, json) =>
    {
        var scalar = Gen.OneOf(
            s_string.Select(Quote),
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e999"),
            Gen.OneOf<string>("true", "false", "null", "0", "-1", "0.5", "1e400", "\"summarize\"", "\"tag\"", "[", "{", "\"unterminated"));
        if (depth >= 4)
            return scalar;
        var array = json.Array[0, 4].Select(values => "[" + string.Join(",", values) + "]");
        var member = Gen.Select(s_name, json, (name, value) => Quote(name) + ":" + value);
        var obj = member.Array[0, 5].Select(members => "{" + string.Join(",", members) + "}");
        return Gen.Frequency((3, obj), (1, array), (2, scalar));
    });

    // Random JSON alone, and inside the shapes of real requests, so the deeper members get random values too.
    private static readonly Gen<string> s_request = Gen.OneOf(
        s_json,
        s_json.Select(json => "{\"text\":\"Lithium prices fell.\",\"options\":" + json + "}"),
        Gen.Select(s_name, s_json, (name, json) => "{\"text\":\"a\",\"options\":{" + Quote(name) + ":" + json + "}}"),
        s_json.Array[0, 3].Select(items => "{\"mode\":\"summarize\",\"items\":[" + string.Join(",", items) + "]}"),
        Gen.Select(s_json, s_json, (id, options) => "{\"items\":[{\"id\":" + id + ",\"text\":\"a\",\"options\":" + options + "}]}"));

    [Fact]
    public async Task RandomBytesNeverGiveAServerError()
    {
        var service = fixture.Service;
        var gen = Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[0, s_paths.Length - 1], Gen.Int[0, s_types.Length - 1]);
        await gen.SampleAsync(async (body, path, type) =>
            AssertHandled(await service.SendAsync(HttpMethod.Post, s_paths[path], body, s_types[type])), iter: 300, threads: 2);
    }

    [Fact]
    public async Task RandomJsonNeverGivesAServerError()
    {
        var service = fixture.Service;
        await Gen.Select(s_request, Gen.Int[0, s_paths.Length - 1]).SampleAsync(async (json, path) =>
            AssertHandled(await service.SendAsync(HttpMethod.Post, s_paths[path], Encoding.UTF8.GetBytes(json), "application/json")), iter: 400, threads: 2);
    }

    [Fact]
    public async Task RandomTextInAWellFormedRequestIsAnsweredOrRefusedAsText()
    {
        var service = fixture.Service;
        await Gen.Select(s_string, Gen.Bool).SampleAsync(async (text, summarize) =>
        {
            var reply = await service.PostJsonAsync(summarize ? "/v1/summarize" : "/v1/tag", "{\"text\":" + Quote(text) + "}");
            if (reply.Status == HttpStatusCode.OK)
                return;
            var code = reply.AssertProblem(HttpStatusCode.BadRequest, reply.Json.GetProperty("code").GetString()!).GetProperty("code").GetString();
            Assert.Contains(code, new[] { "control-character", "invalid-text" });
        }, iter: 300, threads: 2);
    }

    private static void AssertHandled(Reply reply)
    {
        Assert.True((int)reply.Status is 200 or 400 or 413 or 415, $"{(int)reply.Status}: {reply.Text}");
        if (reply.Status != HttpStatusCode.OK)
            Assert.Equal("application/problem+json", reply.MediaType);
    }

    // JSON string syntax with every non-ASCII or unsafe character escaped, so lone surrogates travel as \uD800 escapes.
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is >= ' ' and < '\u007f' and not '"' and not '\\')
                quoted.Append(c);
            else
                quoted.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return quoted.Append('"').ToString();
    }
}
