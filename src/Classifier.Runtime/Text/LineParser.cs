using System.Text.RegularExpressions;

namespace Classifier.Text;

/// <summary>Cuts plain text and Markdown into a title and blocks, line by line; every span points into the input.</summary>
internal static partial class LineParser
{
    // Wider than any hard wrap (e-mail and Markdown wrap at 72 to 100): longer lines are one paragraph each.
    private const int MaxWrapWidth = 100;
    private const int MaxHeadingLength = 90;
    private const int MaxHeadingWords = 12;
    private const int MaxTitleWords = 40;
    private const int MaxTitleLength = 300;

    [GeneratedRegex(@"^(?:[•·▪◦‣●○■□►▶✓✔➢➤–*+-]|\d{1,3}[.)]|\(\d{1,3}\))[ \t\u00A0]+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^#{1,6}(?:[ \t]+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(?:=+|-{2,})$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextUnderline();

    private readonly record struct Line(int Start, int TrimStart, int TrimEnd)
    {
        public bool IsBlank => TrimStart >= TrimEnd;

        public int Indent => TrimStart - Start;

        public int Length => TrimEnd - TrimStart;
    }

    public static (TextSpan? Title, List<RawBlock> Blocks) Parse(string text, bool detectTitle)
    {
        var lines = SplitLines(text);
        var blocks = new List<RawBlock>();
        var titleLine = detectTitle ? FindTitleLine(text, lines) : -1;
        TextSpan? title = null;

        var chunk = new List<Line>();
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && i == titleLine)
            {
                ParseChunk(text, chunk, blocks);
                chunk.Clear();
                title = TitleSpan(text, lines[i]);
                continue;
            }

            if (i == lines.Count || lines[i].IsBlank)
            {
                ParseChunk(text, chunk, blocks);
                chunk.Clear();
            }
            else
            {
                chunk.Add(lines[i]);
            }
        }

        return (title, blocks);
    }

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : start + end;
            var trimStart = start;
            while (trimStart < end && char.IsWhiteSpace(text[trimStart]))
                trimStart++;
            var trimEnd = end;
            while (trimEnd > trimStart && char.IsWhiteSpace(text[trimEnd - 1]))
                trimEnd--;
            lines.Add(new Line(start, trimStart, trimEnd));
            if (end >= text.Length)
                break;
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    private static int FindTitleLine(string text, List<Line> lines)
    {
        // The title is the first line that reads like one, after at most a few lines of page furniture.
        var seen = 0;
        for (var i = 0; i < lines.Count && seen < 6; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
                continue;

            seen++;
            var content = text.AsSpan(line.TrimStart, line.Length);
            if (Boilerplate.IsBoilerplate(content))
                continue;

            if (!HasLaterContent(lines, i))
                return -1;

            if (AtxHeading().IsMatch(content))
                return i;

            if (BulletMarker().IsMatch(content) || !IsTitleLike(content))
                return -1;

            return i;
        }

        return -1;
    }

    private static bool HasLaterContent(List<Line> lines, int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            if (!lines[j].IsBlank)
                return true;
        }

        return false;
    }

    private static bool IsTitleLike(ReadOnlySpan<char> content)
    {
        if (content.Length > MaxTitleLength || !HasLetter(content))
            return false;

        var words = Boilerplate.CountWords(content);
        if (words > MaxTitleWords)
            return false;

        // A headline may end on a quotation that ends in a full stop: 'Chief: "We won't chase the cycle."'.
        var last = LastSignificant(content);
        var endsOnQuote = content[^1] is '"' or '”' or '’' && words <= 25;
        if (last is ',' or ';' or ':' || (last is '.' or '…' && !endsOnQuote))
            return false;

        return last is not ('!' or '?') || words <= 20;
    }

    private static TextSpan TitleSpan(string text, Line line)
    {
        var content = text.AsSpan(line.TrimStart, line.Length);
        var marker = AtxHeading().Match(content.ToString());
        if (!marker.Success)
            return TextSpan.FromBounds(line.TrimStart, line.TrimEnd);

        var (start, end) = TrimHeadingMarks(text, line.TrimStart + marker.Length, line.TrimEnd);
        return start < end ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(line.TrimStart, line.TrimEnd);
    }

    private static void ParseChunk(string text, List<Line> chunk, List<RawBlock> blocks)
    {
        if (chunk.Count == 0)
            return;

        var wrapWidth = 0;
        foreach (var line in chunk)
            wrapWidth = Math.Max(wrapWidth, line.Length);
        var hardWrapped = wrapWidth <= MaxWrapWidth;

        var builder = new ChunkBuilder(text, blocks);
        for (var k = 0; k < chunk.Count; k++)
        {
            var line = chunk[k];
            var content = text.AsSpan(line.TrimStart, line.Length);

            var atx = AtxHeading().Match(content.ToString());
            if (atx.Success)
            {
                builder.Flush();
                var (start, end) = TrimHeadingMarks(text, line.TrimStart + atx.Length, line.TrimEnd);
                builder.Emit(BlockKind.Heading, line.TrimStart, line.TrimEnd, start < end ? start : line.TrimStart, start < end ? end : line.TrimEnd);
                continue;
            }

            if (SetextUnderline().IsMatch(content) && builder.TryPromoteToHeading(line.TrimEnd))
                continue;

            var bullet = BulletMarker().Match(content.ToString());
            if (bullet.Success)
            {
                builder.Flush();
                builder.StartBullet(line.TrimStart, line.TrimStart + bullet.Length, line.TrimEnd);
                continue;
            }

            if (builder.InBullet && (line.Indent > 0 || StartsLower(content)))
            {
                builder.Extend(line.TrimEnd);
                continue;
            }

            if (builder.InParagraph && ShouldJoin(text, builder.LastLine, line, hardWrapped, wrapWidth))
            {
                builder.Extend(line.TrimEnd);
                builder.LastLine = (line.TrimStart, line.TrimEnd);
                continue;
            }

            builder.Flush();
            var nextStartsLower = k + 1 < chunk.Count && StartsLower(text.AsSpan(chunk[k + 1].TrimStart, chunk[k + 1].Length));
            if (IsHeadingCandidate(content) && !nextStartsLower)
            {
                builder.Emit(BlockKind.Heading, line.TrimStart, line.TrimEnd, line.TrimStart, line.TrimEnd);
                continue;
            }

            builder.StartParagraph(line.TrimStart, line.TrimEnd);
        }

        builder.Flush();
    }

    private static bool ShouldJoin(string text, (int Start, int End) previous, Line current, bool hardWrapped, int wrapWidth)
    {
        var previousContent = text.AsSpan(previous.Start, previous.End - previous.Start);
        var currentContent = text.AsSpan(current.TrimStart, current.Length);
        if (StartsLower(currentContent) || !EndsWithTerminal(previousContent))
            return true;

        // A hard-wrapped line that reaches the margin continues; a shorter one ended its paragraph.
        return hardWrapped && previousContent.Length >= wrapWidth - 20;
    }

    /// <summary>Whether a line reads as a heading: short, no final punctuation, capitalised, not page furniture.</summary>
    internal static bool IsHeadingCandidate(ReadOnlySpan<char> content)
    {
        if (content.Length == 0 || content.Length > MaxHeadingLength || !HasLetter(content))
            return false;
        if (Boilerplate.CountWords(content) > MaxHeadingWords || EndsWithTerminal(content) || LastSignificant(content) == ',')
            return false;

        foreach (var c in content)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsLower(c))
                    return false;
                break;
            }
        }

        return !Boilerplate.IsBoilerplate(content);
    }

    internal static bool EndsWithTerminal(ReadOnlySpan<char> content) => LastSignificant(content) is '.' or '!' or '?' or '…' or ':' or ';';

    private static char LastSignificant(ReadOnlySpan<char> content)
    {
        var end = content.Length;
        while (end > 0 && content[end - 1] is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '*' or '_')
            end--;
        return end > 0 ? content[end - 1] : '\0';
    }

    private static bool StartsLower(ReadOnlySpan<char> content) => content.Length > 0 && char.IsLower(content[0]);

    private static bool HasLetter(ReadOnlySpan<char> content)
    {
        foreach (var c in content)
        {
            if (char.IsLetter(c))
                return true;
        }

        return false;
    }

    private static (int Start, int End) TrimHeadingMarks(string text, int start, int end)
    {
        while (end > start && (text[end - 1] == '#' || char.IsWhiteSpace(text[end - 1])))
            end--;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        return (start, end);
    }

    /// <summary>Accumulates the lines of the paragraph or bullet being read.</summary>
    private sealed class ChunkBuilder(string text, List<RawBlock> blocks)
    {
        private BlockKind _kind;
        private int _start = -1;
        private int _contentStart;
        private int _end;

        public bool InParagraph => _start >= 0 && _kind == BlockKind.Paragraph;

        public bool InBullet => _start >= 0 && _kind == BlockKind.Bullet;

        public (int Start, int End) LastLine { get; set; }

        public void StartParagraph(int start, int end)
        {
            (_kind, _start, _contentStart, _end) = (BlockKind.Paragraph, start, start, end);
            LastLine = (start, end);
        }

        public void StartBullet(int start, int contentStart, int end) =>
            (_kind, _start, _contentStart, _end) = (BlockKind.Bullet, start, contentStart, end);

        public void Extend(int end) => _end = end;

        public bool TryPromoteToHeading(int underlineEnd)
        {
            // "Title\n=====": a one-line paragraph above an underline is a heading.
            if (!InParagraph || LastLine.Start != _start || !IsHeadingCandidate(text.AsSpan(_start, _end - _start)))
                return false;

            Emit(BlockKind.Heading, _start, underlineEnd, _contentStart, _end);
            _start = -1;
            return true;
        }

        public void Emit(BlockKind kind, int start, int end, int contentStart, int contentEnd)
        {
            var content = TextSpan.FromBounds(contentStart, contentEnd);
            var boilerplate = kind != BlockKind.Heading && Boilerplate.IsBoilerplate(text.AsSpan(contentStart, contentEnd - contentStart));
            blocks.Add(new RawBlock(kind, TextSpan.FromBounds(start, end), content, boilerplate));
        }

        public void Flush()
        {
            if (_start < 0)
                return;

            Emit(_kind, _start, _end, _contentStart, _end);
            _start = -1;
        }
    }
}
