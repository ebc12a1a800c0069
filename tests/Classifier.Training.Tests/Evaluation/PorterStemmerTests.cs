using Classifier.Training.Evaluation;

namespace Classifier.Tests.Evaluation;

/// <summary>
/// The stemmer gives NLTK's stems. Every expected stem below was produced by NLTK 3.8's <c>PorterStemmer()</c> (default
/// mode, NLTK_EXTENSIONS) from Debian's python3-nltk, not worked out by hand; where NLTK departs from the 1980 paper the
/// word is listed on purpose (ties, died, spy, agreement, geology, fully...).
/// </summary>
public sealed class PorterStemmerTests
{
    public static TheoryData<string, string> Step1aPlurals => Pairs(
        "caresses caress", "ponies poni", "ties tie", "caress caress", "cats cat", "dies die", "lies lie", "pies pie",
        "flies fli", "skies sky", "news news", "innings inning", "outings outing", "cannings canning", "gas ga",
        "this thi", "cress cress", "glasses glass");

    public static TheoryData<string, string> Step1bEdAndIng => Pairs(
        "feed feed", "agreed agre", "proceed proceed", "exceed exceed", "succeed succeed", "disagreed disagre",
        "bleed bleed", "plastered plaster", "bled bled", "motoring motor", "sing sing", "died die", "tied tie",
        "spied spi", "cried cri", "conflated conflat", "troubled troubl", "sized size", "hopping hop", "tanned tan",
        "falling fall", "hissing hiss", "fizzed fizz", "failing fail", "filing file", "hoped hope", "owed owe",
        "oped ope", "aged age", "dying die", "lying lie", "tying tie", "inning inning", "outing outing",
        "canning canning", "singing sing");

    public static TheoryData<string, string> Step1cFinalY => Pairs(
        "happy happi", "sky sky", "enjoy enjoy", "spy spi", "fly fli", "try tri", "by by", "say say", "toy toy",
        "syzygy syzygi", "crying cri", "yelling yell", "obeying obey", "playing play");

    public static TheoryData<string, string> Step2DoubleSuffixes => Pairs(
        "relational relat", "conditional condit", "rational ration", "valenci valenc", "hesitanci hesit",
        "digitizer digit", "conformabli conform", "radicalli radic", "differentli differ", "vileli vile",
        "analogousli analog", "vietnamization vietnam", "predication predic", "operator oper", "feudalism feudal",
        "decisiveness decis", "hopefulness hope", "callousness callous", "formaliti formal", "sensitiviti sensit",
        "sensibiliti sensibl", "generally gener", "traditionally tradit", "finally final", "fully fulli",
        "hopefully hope", "archaeology archaeolog", "geology geolog", "theology theolog", "biology biolog",
        "analogies analog");

    public static TheoryData<string, string> Step3Suffixes => Pairs(
        "triplicate triplic", "formative form", "formalize formal", "electriciti electr", "electrical electr",
        "hopeful hope", "goodness good", "authenticate authent");

    public static TheoryData<string, string> Step4Suffixes => Pairs(
        "revival reviv", "allowance allow", "inference infer", "airliner airlin", "gyroscopic gyroscop",
        "adjustable adjust", "defensible defens", "irritant irrit", "replacement replac", "adjustment adjust",
        "dependent depend", "adoption adopt", "homologou homolog", "communism commun", "activate activ",
        "angulariti angular", "homologous homolog", "effective effect", "bowdlerize bowdler", "agreement agreement",
        "cement cement", "national nation", "decision decis", "fusion fusion", "vision vision");

    public static TheoryData<string, string> Step5FinalEAndDoubleL => Pairs(
        "probate probat", "rate rate", "cease ceas", "controll control", "roll roll", "controlling control",
        "rolling roll", "generalization gener", "oscillators oscil");

    public static TheoryData<string, string> EverydayWordsNumbersAndShortWords => Pairs(
        "a a", "is is", "as as", "be be", "go go", "the the", "and and", "1990s 1990", "2004 2004", "2004s 2004",
        "3bn 3bn", "yyyy yyyi", "yyyyy yyyyy", "government govern", "governments govern", "government's government'",
        "companies compani", "company compani", "profits profit", "profit profit", "investors investor",
        "markets market", "economic econom", "economy economi", "economies economi", "ran ran", "running run",
        "runs run", "united unit", "states state", "minister minist", "ministers minist", "election elect",
        "elections elect", "championship championship");
    [Theory]
    [MemberData(nameof(Step1aPlurals))]
    [MemberData(nameof(Step1bEdAndIng))]
    [MemberData(nameof(Step1cFinalY))]
    [MemberData(nameof(Step2DoubleSuffixes))]
    [MemberData(nameof(Step3Suffixes))]
    [MemberData(nameof(Step4Suffixes))]
    [MemberData(nameof(Step5FinalEAndDoubleL))]
    [MemberData(nameof(EverydayWordsNumbersAndShortWords))]
    public void StemsAsNltkDoes(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void LowerCasesButLooksIrregularFormsUpAsGiven()
    {
        // NLTK: RUNNING -> run, Generalizations -> gener, and News -> new because "News" is not in its irregular table.
        Assert.Equal("run", PorterStemmer.Stem("RUNNING"));
        Assert.Equal("gener", PorterStemmer.Stem("Generalizations"));
        Assert.Equal("new", PorterStemmer.Stem("News"));
        Assert.Equal("news", PorterStemmer.Stem("news"));
    }

    [Fact]
    public void HandlesLongRunsOfY()
    {
        // A run of y's alternates consonant and vowel; NLTK: 500 y's end in i, 501 stay as they are.
        Assert.Equal(new string('y', 499) + "i", PorterStemmer.Stem(new string('y', 500)));
        Assert.Equal(new string('y', 501), PorterStemmer.Stem(new string('y', 501)));
        Assert.Equal(100_001, PorterStemmer.Stem(new string('y', 100_001)).Length);
    }

    [Fact]
    public void RejectsNull() => Assert.Throws<ArgumentNullException>(() => PorterStemmer.Stem(null!));

    private static TheoryData<string, string> Pairs(params string[] pairs)
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in pairs)
        {
            var parts = pair.Split(' ');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }
}
