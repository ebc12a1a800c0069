namespace Classifier.Service.Tests;

/// <summary>Every malformed request gets a problem that says what was wrong and where, never a 500.</summary>
public sealed class RequestErrorTests(DefaultService fixture)
{
    private RunningService Service => fixture.Service;

    [Fact]
    public async Task MalformedJsonNamesTheLineAndByte()
    {
        var reply = await Service.PostJsonAsync("/v1/tag", "{\n  \"text\": \"abc\"\n  \"options\": {}\n}");
        var problem = reply.AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
        Assert.Contains("line 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/tag")]
    [InlineData("/v1/summarize")]
    [InlineData("/v1/batch")]
    public async Task AnEmptyJsonBodyIsAProblem(string path) =>
        (await Service.PostJsonAsync(path, "")).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");

    [Fact]
    public async Task TooDeeplyNestedJsonIsAProblem() =>
        (await Service.PostJsonAsync("/v1/summarize", $$"""{"text": "a", "options": {{new string('[', 200)}}{{new string(']', 200)}}}"""))
            .AssertProblem(HttpStatusCode.BadRequest, "malformed-json");

    [Fact]
    public async Task DuplicateMembersAreAProblem() =>
        (await Service.PostJsonAsync("/v1/tag", """{"text": "a", "text": "b"}""")).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");

    [Theory]
    [InlineData("/v1/tag", "{}", "$.text")]
    [InlineData("/v1/summarize", """{"options": {}}""", "$.text")]
    [InlineData("/v1/tag", """{"text": null}""", "$.text")]
    [InlineData("/v1/tag", """{"text": 12}""", "$.text")]
    [InlineData("/v1/tag", """{"text": ["a"]}""", "$.text")]
    [InlineData("/v1/tag", """["text"]""", "$")]
    [InlineData("/v1/tag", "\"just a string\"", "$")]
    [InlineData("/v1/tag", """{"text": "a", "txt": "b"}""", "$.txt")]
    [InlineData("/v1/tag", """{"text": "a", "options": {"highlights": 1}}""", "$.options")]
    [InlineData("/v1/summarize", """{"text": "a", "options": [1]}""", "$.options")]
    public async Task AMissingOrMistypedMemberIsNamed(string path, string json, string where)
    {
        var problem = (await Service.PostJsonAsync(path, json)).AssertProblem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(where, problem.GetProperty("path").GetString());
        Assert.StartsWith(where + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("highlights", "-1")]
    [InlineData("highlights", "1.5")]
    [InlineData("highlights", "\"3\"")]
    [InlineData("highlights", "null")]
    [InlineData("keyPointsPerTopic", "3000000000")]
    [InlineData("maxWest", "true")]
    [InlineData("maxCharacters", "-5")]
    [InlineData("maxTokens", "{}")]
    [InlineData("diversity", "1.5")]
    [InlineData("diversity", "-0.1")]
    [InlineData("highlightsFromBullets", "1")]
    [InlineData("coverHeadline", "\"yes\"")]
    [InlineData("maxToken", "5")]
    [InlineData("Highlights", "5")]
    public async Task AnInvalidOptionIsNamed(string option, string value)
    {
        var reply = await Service.PostJsonAsync("/v1/summarize", "{\"text\": \"Lithium prices fell.\", \"options\": {\"" + option + "\": " + value + "}}");
        var problem = reply.AssertProblem(HttpStatusCode.BadRequest, "invalid-option");
        Assert.Equal(option, problem.GetProperty("option").GetString());
        Assert.Equal($"$.options.{option}", problem.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("maxWest=-1", "maxWest")]
    [InlineData("diversity=lots", "diversity")]
    [InlineData("colour=blue", "colour")]
    [InlineData("highlights=1&highlights=2", "highlights")]
    public async Task AnInvalidQueryOptionIsNamed(string query, string option)
    {
        var problem = (await Service.PostTextAsync($"/v1/summarize?{query}", "Lithium prices fell.")).AssertProblem(HttpStatusCode.BadRequest, "invalid-option");
        Assert.Equal(option, problem.GetProperty("option").GetString());
    }

    [Theory]
    [InlineData("/v1/tag", "text/plain")]
    [InlineData("/v1/tag", "application/json")]
    [InlineData("/v1/summarize", "application/json")]
    [InlineData("/v1/batch", "application/json")]
    public async Task QueryParametersAreRefusedWhereTheyDoNotBelong(string path, string type)
    {
        var body = type == "text/plain" ? "Lithium prices fell." : path == "/v1/batch" ? """{"items": []}""" : """{"text": "a"}""";
        var reply = await Service.SendAsync(HttpMethod.Post, $"{path}?highlights=2", Encoding.UTF8.GetBytes(body), type);
        reply.AssertProblem(HttpStatusCode.BadRequest, "invalid-request");
    }

    [Theory]
    [InlineData("/v1/tag", "application/x-www-form-urlencoded")]
    [InlineData("/v1/summarize", "text/html")]
    [InlineData("/v1/summarize", "application/xml")]
    [InlineData("/v1/tag", "text/plain; charset=iso-8859-1")]
    [InlineData("/v1/tag", "application/json; charset=utf-16")]
    [InlineData("/v1/batch", "text/plain")]
    [InlineData("/v1/tag", null)]
    public async Task AWrongContentTypeIs415(string path, string? type)
    {
        var reply = await Service.SendAsync(HttpMethod.Post, path, "text=abc"u8.ToArray(), type);
        reply.AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task ACompressedBodyIs415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tag") { Content = new ByteArrayContent([0x1f, 0x8b, 8, 0]) };
        request.Content.Headers.ContentType = new("text/plain");
        request.Content.Headers.ContentEncoding.Add("gzip");
        (await Service.SendAsync(request)).AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/problem+json")]
    [InlineData("Application/JSON")]
    public async Task JsonMediaTypeVariantsAreAccepted(string type) =>
        (await Service.SendAsync(HttpMethod.Post, "/v1/tag", """{"text": "Lithium prices fell."}"""u8.ToArray(), type)).AssertOk();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    public async Task InvalidUtf8NamesTheByte(string type)
    {
        byte[] body = type == "text/plain" ? [.. "Cobalt "u8, 0xC3, 0x28, .. " rose."u8] : [.. "{\"text\": \"Cobalt "u8, 0xFF, .. " rose.\"}"u8];
        var problem = (await Service.SendAsync(HttpMethod.Post, "/v1/tag", body, type)).AssertProblem(HttpStatusCode.BadRequest, "invalid-utf8");
        Assert.Equal(type == "text/plain" ? 7 : 17, problem.GetProperty("byteOffset").GetInt32());
    }

    [Fact]
    public async Task ANulCharacterInPlainTextNamesItsLineAndColumn()
    {
        var problem = (await Service.PostTextAsync("/v1/tag", "First line.\nSecond\0line.")).AssertProblem(HttpStatusCode.BadRequest, "control-character");
        Assert.Equal(18, problem.GetProperty("offset").GetInt32());
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Equal(7, problem.GetProperty("column").GetInt32());
        Assert.Contains("U+0000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/tag", """{"text": "Bell\u0007 rings."}""", "$.text")]
    [InlineData("/v1/summarize", """{"text": "Escape \u001b[31m red"}""", "$.text")]
    [InlineData("/v1/batch", """{"items": [{"id": "a", "text": "ok"}, {"id": "b", "text": "nul \u0000"}]}""", "$.items[1].text")]
    [InlineData("/v1/batch", """{"items": [{"id": "a\u0000", "text": "ok"}]}""", "$.items[0].id")]
    public async Task AControlCharacterInJsonTextNamesTheMember(string path, string json, string where)
    {
        var problem = (await Service.PostJsonAsync(path, json)).AssertProblem(HttpStatusCode.BadRequest, "control-character");
        Assert.StartsWith(where + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhiteSpaceControlsAreText() =>
        (await Service.PostTextAsync("/v1/tag", "Tab\there.\vVertical tab.\fForm feed.\r\nEnd.")).AssertOk();

    [Fact]
    public async Task AnUnpairedSurrogateEscapeIsAProblem() =>
        (await Service.PostJsonAsync("/v1/tag", """{"text": "half \ud800 a pair"}""")).AssertProblem(HttpStatusCode.BadRequest, "invalid-text");

    [Fact]
    public async Task AnUnpairedSurrogateInAMemberNameIsAProblem() =>
        (await Service.PostJsonAsync("/v1/tag", """{"text": "a", "x\ud800": 1}""")).AssertProblem(HttpStatusCode.BadRequest, "invalid-text");

    [Fact]
    public async Task AnOddMemberNameIsQuotedSafely()
    {
        var problem = (await Service.PostJsonAsync("/v1/tag", """{"text": "a", "bad name\u0001": 1}""")).AssertProblem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal("$['bad name\\u0001']", problem.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("""{"mode": "summarize"}""", "$.items")]
    [InlineData("""{"items": {}}""", "$.items")]
    [InlineData("""{"items": [], "mode": "translate"}""", "$.mode")]
    [InlineData("""{"items": [], "mode": 1}""", "$.mode")]
    [InlineData("""{"items": [], "options": {}}""", "$.options")]
    [InlineData("""{"items": ["text"]}""", "$.items[0]")]
    [InlineData("""{"items": [{"text": "a"}]}""", "$.items[0].id")]
    [InlineData("""{"items": [{"id": 7, "text": "a"}]}""", "$.items[0].id")]
    [InlineData("""{"items": [{"id": "a", "text": "a"}, {"id": "b"}]}""", "$.items[1].text")]
    [InlineData("""{"items": [{"id": "a", "text": "a", "body": "x"}]}""", "$.items[0].body")]
    [InlineData("""{"mode": "tag", "items": [{"id": "a", "text": "a", "options": {"highlights": 1}}]}""", "$.items[0].options")]
    public async Task ABatchErrorNamesTheItemAndMember(string json, string where)
    {
        var problem = (await Service.PostJsonAsync("/v1/batch", json)).AssertProblem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(where, problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task ABatchItemsInvalidOptionIsNamed()
    {
        var problem = (await Service.PostJsonAsync("/v1/batch", """{"items": [{"id": "a", "text": "a"}, {"id": "b", "text": "b", "options": {"maxWest": -2}}]}"""))
            .AssertProblem(HttpStatusCode.BadRequest, "invalid-option");
        Assert.Equal("$.items[1].options.maxWest", problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task AProblemAnswersEvenWhenTheClientAcceptsOnlyText()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tag") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("text/plain");
        (await Service.SendAsync(request)).AssertProblem(HttpStatusCode.BadRequest, "malformed-json");
    }
}
