using System.Collections.Frozen;

namespace Classifier.Training.Evaluation;

/// <summary>The Porter stemmer as NLTK's <c>PorterStemmer()</c> runs it by default (mode <c>NLTK_EXTENSIONS</c>).</summary>
/// <remarks>
/// ROUGE figures are only comparable when both sides stem alike, and the Python scorers stem with NLTK, so this follows
/// NLTK's default mode rather than the 1980 paper. Where they differ: a short table of irregular forms
/// (<c>dying</c>, <c>news</c>, <c>innings</c>, ...); words of one or two letters are left alone; <c>-ies</c> and <c>-ied</c>
/// keep <c>ie</c> in four-letter words (<c>ties</c>, <c>died</c>) and become <c>i</c> otherwise, <c>-ied</c> without the
/// vowel test; <c>*o</c> also holds for a two-letter vowel-consonant stem; <c>y</c> becomes <c>i</c> after any consonant
/// that is not the whole stem (<c>spy</c> to <c>spi</c>, but <c>enjoy</c> and <c>by</c> stay); step 2 turns
/// <c>-alli</c> into <c>-al</c> first and then runs again, uses <c>bli</c> for <c>abli</c>, and adds <c>fulli</c> and
/// <c>logi</c>. As in NLTK, the first suffix that matches decides a step even when its condition fails.
/// Thread-safe: it keeps no state.
/// </remarks>
public static class PorterStemmer
{
    private static readonly FrozenDictionary<string, string> s_irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sky"] = "sky",
        ["skies"] = "sky",
        ["dying"] = "die",
        ["lying"] = "lie",
        ["tying"] = "tie",
        ["news"] = "news",
        ["innings"] = "inning",
        ["inning"] = "inning",
        ["outings"] = "outing",
        ["outing"] = "outing",
        ["cannings"] = "canning",
        ["canning"] = "canning",
        ["howe"] = "howe",
        ["proceed"] = "proceed",
        ["exceed"] = "exceed",
        ["succeed"] = "succeed",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Rule[] s_step2 =
    [
        new("ational", "ate", HasPositiveMeasure),
        new("tional", "tion", HasPositiveMeasure),
        new("enci", "ence", HasPositiveMeasure),
        new("anci", "ance", HasPositiveMeasure),
        new("izer", "ize", HasPositiveMeasure),
        new("bli", "ble", HasPositiveMeasure),
        new("alli", "al", HasPositiveMeasure),
        new("entli", "ent", HasPositiveMeasure),
        new("eli", "e", HasPositiveMeasure),
        new("ousli", "ous", HasPositiveMeasure),
        new("ization", "ize", HasPositiveMeasure),
        new("ation", "ate", HasPositiveMeasure),
        new("ator", "ate", HasPositiveMeasure),
        new("alism", "al", HasPositiveMeasure),
        new("iveness", "ive", HasPositiveMeasure),
        new("fulness", "ful", HasPositiveMeasure),
        new("ousness", "ous", HasPositiveMeasure),
        new("aliti", "al", HasPositiveMeasure),
        new("iviti", "ive", HasPositiveMeasure),
        new("biliti", "ble", HasPositiveMeasure),
        new("fulli", "ful", HasPositiveMeasure),
        // The l of -logi counts towards the stem, so that short stems such as geo- and theo- qualify.
        new("logi", "log", stem => Measure(stem + "l") > 0),
    ];

    private static readonly Rule[] s_step3 =
    [
        new("icate", "ic", HasPositiveMeasure),
        new("ative", "", HasPositiveMeasure),
        new("alize", "al", HasPositiveMeasure),
        new("iciti", "ic", HasPositiveMeasure),
        new("ical", "ic", HasPositiveMeasure),
        new("ful", "", HasPositiveMeasure),
        new("ness", "", HasPositiveMeasure),
    ];

    private static readonly Rule[] s_step4 =
    [
        new("al", "", HasMeasureAboveOne),
        new("ance", "", HasMeasureAboveOne),
        new("ence", "", HasMeasureAboveOne),
        new("er", "", HasMeasureAboveOne),
        new("ic", "", HasMeasureAboveOne),
        new("able", "", HasMeasureAboveOne),
        new("ible", "", HasMeasureAboveOne),
        new("ant", "", HasMeasureAboveOne),
        new("ement", "", HasMeasureAboveOne),
        new("ment", "", HasMeasureAboveOne),
        new("ent", "", HasMeasureAboveOne),
        new("ion", "", stem => HasMeasureAboveOne(stem) && stem[^1] is 's' or 't'),
        new("ou", "", HasMeasureAboveOne),
        new("ism", "", HasMeasureAboveOne),
        new("ate", "", HasMeasureAboveOne),
        new("iti", "", HasMeasureAboveOne),
        new("ous", "", HasMeasureAboveOne),
        new("ive", "", HasMeasureAboveOne),
        new("ize", "", HasMeasureAboveOne),
    ];

    /// <summary>The stem of <paramref name="word"/>, lower-cased, as NLTK's default Porter stemmer gives it.</summary>
    /// <remarks>Meant for lower-case words, as ROUGE passes them; other input is lower-cased first, as NLTK does.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // NLTK looks the irregular forms up before lower-casing, so News and NEWS miss them; so does this.
        if (s_irregular.TryGetValue(word, out var irregular))
            return irregular;
        var stem = word.ToLowerInvariant();
        if (stem.Length <= 2)
            return stem;

        stem = Step1a(stem);
        stem = Step1b(stem);
        stem = Step1c(stem);
        stem = Step2(stem);
        stem = ApplyFirst(stem, s_step3);
        stem = ApplyFirst(stem, s_step4);
        stem = Step5a(stem);
        return Step5b(stem);
    }

    private static string Step1a(string word)
    {
        if (word.Length == 4 && word.EndsWith("ies", StringComparison.Ordinal))
            return word[..^1];
        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ies", StringComparison.Ordinal))
            return word[..^2];
        if (word.EndsWith("ss", StringComparison.Ordinal))
            return word;
        return word.EndsWith('s') ? word[..^1] : word;
    }

    private static string Step1b(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal))
            return word.Length == 4 ? word[..^1] : word[..^2];

        if (word.EndsWith("eed", StringComparison.Ordinal))
            return Measure(word.AsSpan(0, word.Length - 3)) > 0 ? word[..^1] : word;

        string stem;
        if (word.EndsWith("ed", StringComparison.Ordinal) && ContainsVowel(word.AsSpan(0, word.Length - 2)))
            stem = word[..^2];
        else if (word.EndsWith("ing", StringComparison.Ordinal) && ContainsVowel(word.AsSpan(0, word.Length - 3)))
            stem = word[..^3];
        else
            return word;

        // Restore the e that -ate, -ble and -ize lost, so that later steps recognise those suffixes.
        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
            return stem + "e";
        if (EndsDoubleConsonant(stem))
            return stem[^1] is 'l' or 's' or 'z' ? stem : stem[..^1];
        return Measure(stem) == 1 && EndsCvc(stem) ? stem + "e" : stem;
    }

    private static string Step1c(string word)
    {
        // NLTK's rule: y after a consonant becomes i even without an earlier vowel (spy, like spied), but a one-letter stem keeps it.
        if (word.EndsWith('y') && word.Length > 2 && IsConsonant(word, word.Length - 2))
            return word[..^1] + "i";
        return word;
    }

    private static string Step2(string word)
    {
        if (word.EndsWith("alli", StringComparison.Ordinal) && Measure(word.AsSpan(0, word.Length - 4)) > 0)
            return Step2(word[..^2]);
        return ApplyFirst(word, s_step2);
    }

    private static string Step5a(string word)
    {
        if (!word.EndsWith('e'))
            return word;
        var stem = word[..^1];
        var measure = Measure(stem);
        return measure > 1 || measure == 1 && !EndsCvc(stem) ? stem : word;
    }

    private static string Step5b(string word) =>
        word.EndsWith("ll", StringComparison.Ordinal) && Measure(word.AsSpan(0, word.Length - 1)) > 1 ? word[..^1] : word;

    /// <summary>Applies the first rule whose suffix ends the word; when its condition fails, the word stays as it is.</summary>
    private static string ApplyFirst(string word, Rule[] rules)
    {
        foreach (var rule in rules)
        {
            if (!word.EndsWith(rule.Suffix, StringComparison.Ordinal))
                continue;
            var stem = word[..^rule.Suffix.Length];
            return rule.Condition(stem) ? stem + rule.Replacement : word;
        }

        return word;
    }

    private static bool HasPositiveMeasure(string stem) => Measure(stem) > 0;

    private static bool HasMeasureAboveOne(string stem) => Measure(stem) > 1;

    /// <summary>Whether the letter at <paramref name="index"/> is a consonant: not a, e, i, o, u, and no y after a consonant.</summary>
    private static bool IsConsonant(ReadOnlySpan<char> word, int index)
    {
        var c = word[index];
        if (IsVowelLetter(c))
            return false;
        if (c != 'y')
            return true;

        // A run of y's alternates, starting from what precedes the run; walk back rather than recurse, so long runs are safe.
        var first = index;
        while (first > 0 && word[first - 1] == 'y')
            first--;
        var firstIsConsonant = first == 0 || IsVowelLetter(word[first - 1]);
        return firstIsConsonant == ((index - first) % 2 == 0);
    }

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Porter's m: how many vowel-consonant sequences the form [C](VC)^m[V] holds.</summary>
    private static int Measure(ReadOnlySpan<char> stem)
    {
        var measure = 0;
        var previousConsonant = false;
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            var consonant = !IsVowelLetter(c) && (c != 'y' || i == 0 || !previousConsonant);
            if (consonant && i > 0 && !previousConsonant)
                measure++;
            previousConsonant = consonant;
        }

        return measure;
    }

    private static bool ContainsVowel(ReadOnlySpan<char> stem)
    {
        // Left to right, a y is a vowel exactly when the letter before it is a consonant.
        for (var i = 0; i < stem.Length; i++)
        {
            if (IsVowelLetter(stem[i]) || stem[i] == 'y' && i > 0)
                return true;
        }

        return false;
    }

    /// <summary>Porter's *d: the stem ends with two equal consonants.</summary>
    private static bool EndsDoubleConsonant(string stem) =>
        stem.Length >= 2 && stem[^1] == stem[^2] && IsConsonant(stem, stem.Length - 1);

    /// <summary>Porter's *o (consonant-vowel-consonant, the last not w, x or y), or NLTK's vowel-consonant two-letter stem.</summary>
    private static bool EndsCvc(string stem)
    {
        var n = stem.Length;
        if (n == 2)
            return !IsConsonant(stem, 0) && IsConsonant(stem, 1);
        return n >= 3 && IsConsonant(stem, n - 3) && !IsConsonant(stem, n - 2) && IsConsonant(stem, n - 1) && stem[^1] is not ('w' or 'x' or 'y');
    }

    private readonly record struct Rule(string Suffix, string Replacement, Func<string, bool> Condition);
}
