using System.Text.RegularExpressions;

namespace Classifier.Text;

/// <summary>Surface patterns of web boilerplate and link artifacts in pasted articles.</summary>
internal static partial class Boilerplate
{
    // Phrases that mark a line as page furniture whatever its length (up to a short paragraph).
    [GeneratedRegex(
        @"^(leave a (reply|comment)|your e-?mail address will not be published|required fields are marked|all rights reserved|"
        + @"©|\(c\)\s*\d{4}|copyright\b|subscribe (to|for|now)|sign up (for|to|now)|(get|join) (our|the) newsletter|"
        + @"(we|this (site|website)) uses? cookies|by (continuing|using) (to use )?this (site|website)|tags?\s*:|tagged (with|in)\s*:?|"
        + @"categor(y|ies)\s*:|filed (under|in)\s*:?|posted (in|under)\s*:|share (this|the) (article|story|post|page)|"
        + @"spread the word|read (more|also|next)\s*:|related( (articles|stories|posts|coverage|reading))?\s*:|"
        + @"(photo|image|picture|video|graphic)s?( credit)?\s*:|credit\s*:|(additional )?reporting by\b|editing by\b|"
        + @"writing by\b|about the author\b|click here\b|listen to (this|the) article|\d+\s*min(ute)?s?\s+read\b|"
        + @"skip to (main )?content|back to top|save my name|(previous|next) (article|post|story)\b|posted (in|under|on)\b|"
        + @"(last )?(updated|published|posted)\s*:|thanks?( you)? for (reading|visiting|your interest)\b|(older|newer) (posts?|entries|articles)\b|"
        + @"further reading|related (coverage|stories|articles|content|links)|more (coverage|stories|reading|on this story)\b|"
        + @"most (read|popular)\b|you (may|might) also (like|be interested)|recommended (for you|reading|stories)|also on\b|"
        + @"download (the|our)\b|get (our|the)\b.*\b(briefing|newsletter|alerts?|digest)|(data|sources?|chart|graphic|illustration|"
        + @"editor|edited by|compiled by|translated by|written by|interview by|photograph|caption)\s*:|(interview|edited|compiled|"
        + @"translated|written|photographs?) by\b|print (this|the) (page|article|story)|join the (conversation|discussion)|"
        + @"comments are (closed|moderated)|topics?\s*:|share on\b|follow (us|the author|@)|this (article|story) (was|is|has been) "
        + @"(updated|amended|corrected|produced)|(opinion|analysis|commentary|explainer|interview|sponsored)\s*[|])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongPattern();

    // Words that are page furniture only when the line is very short ("Share", "Comments (3)", "Print", "By Jane Doe").
    [GeneratedRegex(
        @"^(share( on| via| this)?|comments( \(\d+\))?|\d+ comments?|reply|related|recommended|most read|trending|"
        + @"print|e-?mail|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|advertisement|sponsored( content)?|"
        + @"newsletter|subscribe|sign up|log ?in|register|menu|home|search|accept( all)?( cookies)?|reject( all)?|"
        + @"cookie (settings|preferences)|privacy policy|terms (of|and) (use|service|conditions)|contact us|"
        + @"updated|published|follow (us|our|the)\b.*|advertise with us|more from .*|see also|topics?|tags?|categories|"
        + @"opinion|commentary|analysis|explainer|(the )?interview|editorial|exclusive|breaking( news)?|news|"
        + @"by [\p{Lu}][\p{L}.'’-]*( [\p{Lu}][\p{L}.'’-]*){0,3}(( and|,) [\p{Lu}][\p{L}.'’-]*( [\p{Lu}][\p{L}.'’-]*){0,3})?(,.*|\s*[|–—-].*)?|"
        + @"[-–—_*=~•·]{3,})\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortPattern();

    [GeneratedRegex(
        @"\((opens|open) in (a )?new (tab|window)\)|\(link is external\)|\(external link\)|\[link\]|\(opens in new tab\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArtifactPattern();

    private const int MaxStrongWords = 40;
    private const int MaxShortWords = 8;

    // Headlines of other stories listed after one of these lines are page furniture too.
    [GeneratedRegex(@"\b(related|more|read|further|recommended|popular|trending|latest|also)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkListIntroPattern();

    private const int MaxPipedWords = 20;

    /// <summary>Whether a trimmed line or paragraph reads as web boilerplate.</summary>
    public static bool IsBoilerplate(ReadOnlySpan<char> text)
    {
        // "(Reporting by ...)" and "[Related: ...]" read as their inside; "← Previous post" and "» Next story" as their words.
        text = text.TrimStart("([←→«»‹›<>⟵⟶ ");
        if (text.Length == 0 || text.Length > 400)
            return false;

        var words = CountWords(text);
        if (words > MaxStrongWords)
            return false;

        // "Opinion | By Jane Doe", "Share on X | LinkedIn | Email", "Rating: BUY | Target: A$1.00": page furniture, not prose.
        if (words <= MaxPipedWords && text.Contains(" | ", StringComparison.Ordinal) && !LineParser.EndsWithTerminal(text))
            return true;

        var value = text.ToString();
        if (StrongPattern().IsMatch(value))
            return true;

        return words <= MaxShortWords && ShortPattern().IsMatch(value);
    }

    /// <summary>Whether a boilerplate line introduces a list of links to other stories ("Related coverage", "Most read").</summary>
    public static bool IntroducesLinkList(ReadOnlySpan<char> text) => text.Length <= 60 && LinkListIntroPattern().IsMatch(text.ToString());

    /// <summary>Adds the spans of link artifacts found in <c>text[start..end)</c>.</summary>
    public static void FindArtifacts(string text, int start, int end, List<TextSpan> output)
    {
        // Cheap pre-check: every artifact has a bracket.
        var slice = text.AsSpan(start, end - start);
        if (slice.IndexOfAny('(', '[') < 0)
            return;

        foreach (var match in ArtifactPattern().EnumerateMatches(slice))
            output.Add(new TextSpan(start + match.Index, match.Length));
    }

    internal static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
                count++;
            inWord = !isSpace;
        }

        return count;
    }
}
