namespace Classifier.Text;

/// <summary>Finds sentence boundaries inside one block of text.</summary>
/// <remarks>
/// A boundary is a run of terminal punctuation (. ! ? …), then any closing quotes or brackets, then white space, then
/// something that can start a sentence. Abbreviations, initials, decimals and lower-case continuations are not
/// boundaries. Rules, not a model: they are fast, deterministic and the same in training and at run time.
/// </remarks>
internal sealed class SentenceSplitter
{
    // Abbreviations that never end a sentence: titles, months, Latin shorthand. Written without the final dot.
    private static readonly string[] s_nonTerminal =
    [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Lt", "Col", "Capt", "Cmdr", "Adm", "Sgt",
        "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb", "Messrs", "Mme", "Mlle",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "approx", "Approx", "e.g", "i.e", "E.g", "I.e", "cf", "vs", "Vs", "viz", "ca", "c", "est", "incl", "excl", "Fig", "fig",
        "Figs", "Vol", "vol", "pp", "p", "Art", "Ch", "Sec", "Dept", "Univ", "Assn", "Ave", "Rd", "Blvd", "Nos", "nos", "Op",
        "Ref", "ref", "al", "ed", "Ed", "eds", "Eds", "no", "No", "tel", "Tel",
    ];

    // Abbreviations that may end a sentence ("... listed in the U.S. The company ..."): a boundary only before a word that
    // usually opens one.
    private static readonly string[] s_terminalCapable =
    [
        "Co", "Corp", "Inc", "Ltd", "Bros", "Pty", "Plc", "plc", "LLC", "Cos", "Cie", "Ges", "Bhd", "Tbk", "Ltda",
        "etc", "U.S", "U.K", "E.U", "U.N", "U.A.E", "a.m", "p.m", "A.M", "P.M", "D.C", "N.Y", "S.A", "N.V", "A.G", "S.p.A",
        "S.A.S", "B.V", "K.K", "Jr", "Sr", "bn", "Bn", "mn", "Mn", "tn", "yr", "yrs", "min", "max",
    ];

    private static readonly HashSet<string> s_sentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "Its", "It's", "This", "That", "These", "Those", "He", "She", "They", "We", "I", "You", "Our",
        "Their", "His", "Her", "In", "On", "At", "By", "For", "From", "With", "As", "After", "Before", "But", "And", "Or", "So",
        "Yet", "However", "Meanwhile", "Still", "Shares", "There", "Then", "Now", "While", "When", "Since", "If", "Although",
        "Analysts", "Officials", "Some", "Many", "Most", "Other", "Both", "Each", "Such", "What", "Why", "How", "Under",
        "Last", "Next", "One", "Two", "Three", "Also", "Even", "Only",
    };

    private readonly HashSet<string> _nonTerminal;
    private readonly HashSet<string> _terminalCapable;

    public SentenceSplitter(IEnumerable<string>? additionalAbbreviations = null)
    {
        _nonTerminal = new HashSet<string>(s_nonTerminal, StringComparer.Ordinal);
        _terminalCapable = new HashSet<string>(s_terminalCapable, StringComparer.Ordinal);
        foreach (var abbreviation in additionalAbbreviations ?? [])
        {
            var trimmed = abbreviation.Trim().TrimEnd('.');
            if (trimmed.Length > 0)
                _nonTerminal.Add(trimmed);
        }
    }

    /// <summary>Appends the sentences of <c>text[start..end)</c> to <paramref name="output"/>, trimmed of white space.</summary>
    public void Split(string text, int start, int end, List<TextSpan> output)
    {
        var sentenceStart = SkipWhiteSpace(text, start, end);
        var i = sentenceStart;
        while (i < end)
        {
            var c = text[i];
            if (!IsTerminal(c))
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < end && IsTerminal(text[i]))
                i++;

            var runEnd = i;
            while (i < end && IsCloser(text[i]))
                i++;

            var boundary = i;
            if (boundary >= end)
                break;

            if (!char.IsWhiteSpace(text[boundary]))
                continue;

            var next = SkipWhiteSpace(text, boundary, end);
            if (next >= end)
                break;

            if (IsBoundary(text, sentenceStart, runStart, runEnd, next))
            {
                AddTrimmed(text, sentenceStart, boundary, output);
                sentenceStart = next;
            }

            i = next;
        }

        AddTrimmed(text, sentenceStart, end, output);
    }

    private bool IsBoundary(string text, int sentenceStart, int runStart, int runEnd, int next)
    {
        var nextChar = text[next];
        if (char.IsLower(nextChar))
            return false;

        // Anything but a lone full stop ("?", "!", "...", "?!") is terminal unless a lower-case word follows.
        if (runEnd - runStart > 1 || text[runStart] != '.')
            return true;

        var word = WordBefore(text, sentenceStart, runStart);
        if (word.Length == 0)
            return true;

        var key = word.ToString();
        if (key is "No" or "no" or "Nos" or "nos" or "Art" or "Vol" or "vol" or "p" or "pp" or "Fig" or "fig")
            return !char.IsDigit(nextChar);

        if (_nonTerminal.Contains(key))
            return false;

        // A single capital is an initial ("J. R. Smith"); a run like "U.S" or "a.m" is an initialism.
        if (word.Length == 1 && char.IsUpper(word[0]))
            return !char.IsUpper(nextChar) && !char.IsDigit(nextChar);

        if (_terminalCapable.Contains(key) || IsInitialism(word))
            return StartsWithSentenceStarter(text, next);

        return true;
    }

    private static bool StartsWithSentenceStarter(string text, int position)
    {
        var end = position;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\'' || text[end] == '’'))
            end++;

        var word = text.AsSpan(position, end - position).ToString().Replace('’', '\'');
        return s_sentenceStarters.Contains(word) || text[position] is '"' or '“' or '‘' or '\'';
    }

    private static bool IsInitialism(ReadOnlySpan<char> word)
    {
        // Letters separated by single dots: U.S, e.g, N.Y, a.m.
        if (word.Length < 3)
            return false;

        for (var k = 0; k < word.Length; k++)
        {
            var expectLetter = k % 2 == 0;
            if (expectLetter ? !char.IsLetter(word[k]) : word[k] != '.')
                return false;
        }

        return true;
    }

    private static ReadOnlySpan<char> WordBefore(string text, int sentenceStart, int position)
    {
        var start = position;
        while (start > sentenceStart && !char.IsWhiteSpace(text[start - 1]))
            start--;

        var word = text.AsSpan(start, position - start);
        // Leave out opening punctuation: "(approx." is "approx"; "—Inc." is "Inc".
        while (word.Length > 0 && !char.IsLetterOrDigit(word[0]))
            word = word[1..];

        return word;
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> output)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            output.Add(TextSpan.FromBounds(start, end));
    }

    private static int SkipWhiteSpace(string text, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(text[position]))
            position++;
        return position;
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…' or '。' or '！' or '？';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '*';
}
