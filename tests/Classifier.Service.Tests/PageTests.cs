using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Classifier.Service.Tests;

/// <summary>The analysts' web page at <c>GET /</c>: served with a policy that lets its own script and style run and nothing
/// else, calling only routes the service has, and writing article text only as text.</summary>
public sealed partial class PageTests(DefaultService fixture)
{
    private RunningService Service => fixture.Service;

    [Fact]
    public async Task ThePageIsServedWithAPolicyThatAllowsExactlyItsOwnScriptAndStyle()
    {
        using var response = await Service.Client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        Assert.Equal(["'none'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["connect-src"]);

        // A browser runs an inline block only when the policy lists the SHA-256 of its exact text.
        Assert.Equal(Hashes(ScriptBlock(), html), directives["script-src"]);
        Assert.Equal(Hashes(StyleBlock(), html), directives["style-src"]);
        Assert.Contains("id=\"run\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageCallsOnlyDocumentedRoutes()
    {
        var html = (await Service.GetAsync("/")).Text;
        var document = (await Service.GetAsync("/openapi/v1.json")).Json.GetProperty("paths");
        var called = CallPattern().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(["/v1/summarize", "/v1/tag", "/v1/models"], called);
        Assert.All(called, path => Assert.True(document.TryGetProperty(path, out _), $"the page calls {path}, which the service does not document."));
    }

    [Fact]
    public async Task ThePageNeverWritesTextAsHtml()
    {
        var script = ScriptBlock().Match((await Service.GetAsync("/")).Text).Groups[1].Value;
        Assert.Contains("textContent", script, StringComparison.Ordinal);
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(" })
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
    }

    private static string[] Hashes(Regex block, string html) =>
        [.. block.Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'")];

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("""call\("(/[^"]+)"[,)]""")]
    private static partial Regex CallPattern();
}
