using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Classifier.Service;

/// <summary>The analysts' web page at <c>GET /</c>: paste an article, read its brief beside the tagged source. One
/// self-contained file that calls the service's own JSON endpoints.</summary>
/// <remarks>The Content-Security-Policy allows only this page's own script and style, by their SHA-256 hashes, and requests
/// to this origin: an article is untrusted text, and the page writes it only as text, but the policy is the backstop.</remarks>
internal static partial class AnalystPage
{
    private static readonly Lazy<(byte[] Html, string Policy)> s_page = new(Build);

    public static async Task ServeAsync(HttpContext context)
    {
        var (html, policy) = s_page.Value;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = html.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.Body.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    private static (byte[] Html, string Policy) Build()
    {
        var html = Endpoints.ReadResource("Classifier.Service.page.html");
        var text = Encoding.UTF8.GetString(html);
        var policy = $"default-src 'none'; script-src {Hashes(ScriptBlock(), text)}; style-src {Hashes(StyleBlock(), text)}; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return (html, policy);
    }

    // A browser hashes the exact characters between the tags, encoded as UTF-8.
    private static string Hashes(Regex block, string html) =>
        string.Join(' ', block.Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'"));

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
