using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Classifier.Text;

/// <summary>Extracts the visible article text of an HTML page as blocks, dropping scripts, styles and page chrome.</summary>
internal static class HtmlExtractor
{
    private static readonly HashSet<string> s_dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe",
        "select", "textarea", "object", "canvas", "head", "menu", "dialog",
    };

    private static readonly HashSet<string> s_blockLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td",
        "th", "dd", "dt", "figcaption", "figure", "ul", "ol", "dl", "table", "tbody", "thead", "hr", "address", "body", "html",
        "details", "summary", "caption",
    };

    public static (string Text, TextSpan? Title, List<RawBlock> Blocks) Extract(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);

        var titleElement = document.QuerySelector("h1");
        var title = Collapse(titleElement?.TextContent);
        if (title.Length == 0)
        {
            titleElement = null;
            title = Collapse(document.Title);
        }

        var root = PickRoot(document);
        var output = new StringBuilder(html.Length / 2);
        TextSpan? titleSpan = null;
        if (title.Length > 0)
        {
            output.Append(title);
            titleSpan = new TextSpan(0, title.Length);
        }

        var collector = new BlockCollector(output);
        if (root is not null)
            Walk(root, titleElement, collector);
        collector.Flush();
        return (output.ToString(), titleSpan, collector.Blocks);
    }

    private static IElement? PickRoot(IDocument document)
    {
        // Prefer the one <article> or <main> of a page; otherwise the whole body.
        var articles = document.QuerySelectorAll("article");
        if (articles.Length == 1)
            return articles[0];

        var mains = document.QuerySelectorAll("main");
        return mains.Length == 1 ? mains[0] : document.Body ?? document.DocumentElement;
    }

    private static void Walk(IElement root, IElement? skip, BlockCollector collector)
    {
        // Iterative walk: deeply nested markup must not overflow the stack.
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                if (exit)
                {
                    if (s_blockLevel.Contains(element.LocalName))
                        collector.EndBlock();
                    continue;
                }

                if (element == skip || IsDropped(element))
                    continue;

                if (element.LocalName is "br")
                {
                    collector.AppendBreak();
                    continue;
                }

                if (s_blockLevel.Contains(element.LocalName))
                    collector.BeginBlock(KindOf(element.LocalName));

                stack.Push((element, true));
                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                    stack.Push((child, false));
            }
            else if (node.NodeType == NodeType.Text)
            {
                collector.AppendText(node.TextContent);
            }
        }
    }

    private static bool IsDropped(IElement element) =>
        s_dropped.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase);

    private static BlockKind? KindOf(string name) => name switch
    {
        "li" or "dd" => BlockKind.Bullet,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        _ => null,
    };

    private static string Collapse(string? text) => string.IsNullOrEmpty(text) ? string.Empty : WhiteSpace.Collapse(text);

    /// <summary>Writes inline text into the output, one block per run of inline content.</summary>
    private sealed class BlockCollector(StringBuilder output)
    {
        private readonly Stack<BlockKind?> _kinds = new();
        private readonly StringBuilder _current = new();
        private bool _pendingSpace;

        public List<RawBlock> Blocks { get; } = [];

        public void BeginBlock(BlockKind? kind)
        {
            Flush();
            _kinds.Push(kind ?? (_kinds.Count > 0 ? _kinds.Peek() : null));
        }

        public void EndBlock()
        {
            Flush();
            if (_kinds.Count > 0)
                _kinds.Pop();
        }

        public void AppendBreak()
        {
            if (_current.Length > 0)
                _pendingSpace = true;
        }

        public void AppendText(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = _current.Length > 0;
                    continue;
                }

                if (_pendingSpace)
                    _current.Append(' ');
                _pendingSpace = false;
                _current.Append(c);
            }
        }

        public void Flush()
        {
            _pendingSpace = false;
            if (_current.Length == 0)
                return;

            var content = _current.ToString();
            _current.Clear();
            if (output.Length > 0)
                output.Append("\n\n");

            var span = new TextSpan(output.Length, content.Length);
            output.Append(content);

            var kind = (_kinds.Count > 0 ? _kinds.Peek() : null) ?? BlockKind.Paragraph;
            var boilerplate = kind != BlockKind.Heading && Boilerplate.IsBoilerplate(content);
            if (kind == BlockKind.Paragraph && !boilerplate && LineParser.IsHeadingCandidate(content))
                kind = BlockKind.Heading;

            Blocks.Add(new RawBlock(kind, span, span, boilerplate));
        }
    }
}
