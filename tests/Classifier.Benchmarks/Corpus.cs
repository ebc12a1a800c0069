using System.Net;
using System.Text;
using System.Text.Json;
using Classifier.Text;

namespace Classifier.Benchmarks;

/// <summary>The inputs of the benchmarks.</summary>
/// <remarks>
/// Built deterministically from files in the repository and in <c>../shared</c>, so that the benchmark process and the
/// host process (which computes the MB/s column) see the same bytes.
/// </remarks>
public static class Corpus
{
    /// <summary>Size the repeated sample is grown to, in UTF-8 bytes.</summary>
    public const int TargetBytes = 1_000_000;

    /// <summary>How many BBC articles the BBC workload reads.</summary>
    public const int BbcArticleCount = 200;

    private static readonly Lazy<string> s_sample = new(() => File.ReadAllText(SamplePath).TrimEnd());
    private static readonly Lazy<string> s_plainText = new(() => BuildPlainText(Sample));
    private static readonly Lazy<IReadOnlyList<string>> s_bbcArticles = new(LoadBbcArticles);
    private static readonly Lazy<string> s_htmlPage = new(() => BuildHtmlPage(Sample, TargetBytes));
    private static readonly Lazy<string> s_sixHundredWords = new(FindSixHundredWords);
    private static readonly Lazy<string> s_htmlArticle = new(() => BuildHtmlPage(Sample, 0));

    /// <summary>The repository root: the first folder above the program that holds <c>Classifier.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared data folder: <c>CLASSIFIER_SHARED</c> if set, else <c>shared</c> beside the checkout.</summary>
    public static string SharedRoot { get; } =
        Environment.GetEnvironmentVariable("CLASSIFIER_SHARED") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SamplePath => Path.Combine(RepositoryRoot, "docs", "examples", "gallium-recycling-2026.txt");

    public static string BbcPath => Path.Combine(SharedRoot, "datasets", "bbc-news-summary", "articles.jsonl");

    /// <summary>Whether the BBC file is absent and the BBC workload is the sample article instead.</summary>
    public static bool BbcIsFallback => !File.Exists(BbcPath);

    /// <summary>The sample article, trailing white space removed.</summary>
    public static string Sample => s_sample.Value;

    /// <summary>Copies of the sample, separated by a blank line, up to at least <see cref="TargetBytes"/>.</summary>
    public static string PlainText => s_plainText.Value;

    /// <summary>An article of about 600 words (the speed target's size): the first BBC article of 580–620 words, or, without
    /// the BBC file, the sample with its body paragraphs repeated to that length.</summary>
    public static string SixHundredWords => s_sixHundredWords.Value;

    /// <summary>The first <see cref="BbcArticleCount"/> BBC articles, each "title, blank line, text".</summary>
    public static IReadOnlyList<string> BbcArticles => s_bbcArticles.Value;

    /// <summary>One HTML page whose article is the sample's blocks repeated to at least <see cref="TargetBytes"/>.</summary>
    public static string HtmlPage => s_htmlPage.Value;

    /// <summary>The sample as one ordinary HTML page (a few kilobytes).</summary>
    public static string HtmlArticle => s_htmlArticle.Value;

    public static long Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    public static long Utf8Bytes(IEnumerable<string> texts) => texts.Sum(text => (long)Encoding.UTF8.GetByteCount(text));

    private static string BuildPlainText(string sample)
    {
        var sampleBytes = Encoding.UTF8.GetByteCount(sample);
        var builder = new StringBuilder(TargetBytes + sample.Length);
        for (long bytes = 0; bytes < TargetBytes; bytes += sampleBytes + 2)
        {
            if (builder.Length > 0)
                builder.Append("\n\n");
            builder.Append(sample);
        }

        builder.Append('\n');
        return builder.ToString();
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string FindSixHundredWords()
    {
        if (!BbcIsFallback)
        {
            foreach (var line in File.ReadLines(BbcPath).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var json = JsonDocument.Parse(line);
                var article = $"{json.RootElement.GetProperty("title").GetString()}\n\n{json.RootElement.GetProperty("text").GetString()}";
                if (Words(article) is >= 580 and <= 620)
                    return article;
            }
        }

        var builder = new StringBuilder(Sample);
        while (Words(builder.ToString()) < 600)
            builder.Append("\n\n").Append(Sample[Sample.IndexOf("\n\n", StringComparison.Ordinal)..].Trim());
        return builder.ToString();
    }

    private static List<string> LoadBbcArticles()
    {
        if (BbcIsFallback)
            return Enumerable.Repeat(Sample, BbcArticleCount).ToList();

        var articles = new List<string>(BbcArticleCount);
        foreach (var line in File.ReadLines(BbcPath))
        {
            if (articles.Count == BbcArticleCount)
                break;
            if (string.IsNullOrWhiteSpace(line))
                continue;

            using var json = JsonDocument.Parse(line);
            var title = json.RootElement.GetProperty("title").GetString() ?? string.Empty;
            var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            articles.Add(title.Length > 0 ? $"{title}\n\n{text}" : text);
        }

        return articles;
    }

    /// <summary>
    /// Writes the sample as a news page: title in <c>h1</c>, headings in <c>h2</c>, bullets in <c>ul</c>, paragraphs in
    /// <c>p</c>, inside a page with head, scripts, a header with navigation, related links and a footer. The article body is
    /// repeated (each copy a <c>section</c> under its own <c>h2</c>) until the page reaches <paramref name="targetBytes"/>.
    /// </summary>
    private static string BuildHtmlPage(string sample, int targetBytes)
    {
        var document = ArticleReader.Default.Read(sample);
        var title = document.Title ?? "Untitled";

        var body = new StringBuilder();
        var inList = false;
        foreach (var block in document.Blocks)
        {
            if (block.Kind == BlockKind.Bullet != inList)
            {
                body.Append(inList ? "</ul>\n" : "<ul class=\"highlights\">\n");
                inList = !inList;
            }

            var text = WebUtility.HtmlEncode(block.Text.ReplaceLineEndings(" "));
            body.Append(block.Kind switch
            {
                BlockKind.Heading => $"<h2>{text}</h2>\n",
                BlockKind.Bullet => $"  <li>{text}</li>\n",
                _ => $"<p>{text}</p>\n",
            });
        }

        if (inList)
            body.Append("</ul>\n");

        var encodedTitle = WebUtility.HtmlEncode(title);
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(encodedTitle).Append(" | Newswire</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
            .Append("<style>body{font-family:Georgia,serif;margin:0}.site-header{display:flex;gap:1rem}.highlights li{margin:.25rem 0}</style>\n")
            .Append("<script>window.dataLayer=window.dataLayer||[];function track(e){window.dataLayer.push({event:e,ts:Date.now()});}")
            .Append("document.addEventListener('DOMContentLoaded',function(){track('view');});</script>\n")
            .Append("</head>\n<body>\n")
            .Append("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">Newswire</a>\n<nav aria-label=\"Sections\">\n<ul>\n");
        foreach (var section in new[] { "Markets", "Metals", "Energy", "Policy", "Asia", "Europe", "Americas", "Opinion" })
            page.Append("  <li><a href=\"/").Append(section.ToUpperInvariant()).Append("\">").Append(section).Append("</a></li>\n");
        page.Append("</ul>\n</nav>\n<form role=\"search\"><input type=\"search\" name=\"q\"><button>Search</button></form>\n</header>\n")
            .Append("<main>\n<article>\n<h1>").Append(encodedTitle).Append("</h1>\n")
            .Append("<p class=\"byline\">By Newswire staff</p>\n");

        var bodyText = body.ToString();
        var repeatBytes = Encoding.UTF8.GetByteCount($"<section>\n<h2>{encodedTitle}</h2>\n{bodyText}</section>\n");
        long pageBytes = Encoding.UTF8.GetByteCount(page.ToString());
        for (var copy = 0; copy == 0 || pageBytes < targetBytes; copy++, pageBytes += repeatBytes)
        {
            page.Append("<section>\n");
            if (copy > 0)
                page.Append("<h2>").Append(encodedTitle).Append("</h2>\n");
            page.Append(bodyText).Append("</section>\n");
        }

        page.Append("</article>\n</main>\n")
            .Append("<aside>\n<h2>Related coverage</h2>\n<ul>\n")
            .Append("  <li><a href=\"/1\">Germanium prices hit record as China curbs bite</a></li>\n")
            .Append("  <li><a href=\"/2\">Korea Zinc to expand indium and gallium output</a></li>\n")
            .Append("  <li><a href=\"/3\">EU lists gallium among strategic raw materials</a></li>\n")
            .Append("</ul>\n</aside>\n")
            .Append("<footer>\n<p>© 2026 Newswire. All rights reserved.</p>\n")
            .Append("<nav><a href=\"/privacy\">Privacy policy</a> <a href=\"/terms\">Terms of use</a> <a href=\"/contact\">Contact us</a></nav>\n")
            .Append("</footer>\n")
            .Append("<script async src=\"/static/ads.js\"></script>\n")
            .Append("<script>(function(){var s=document.createElement('script');s.src='/static/comments.js';document.body.appendChild(s);})();</script>\n")
            .Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Classifier.sln")))
                    return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Classifier.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
