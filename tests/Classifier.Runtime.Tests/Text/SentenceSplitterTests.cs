using Classifier.Text;

namespace Classifier.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string paragraph, ReaderOptions? options = null) =>
        new ArticleReader(options ?? new ReaderOptions { DetectTitle = false }).Read(paragraph)
            .EnumerateSentences().Select(p => p.Sentence.Text).ToList();

    [Theory]
    [InlineData("Lynas Rare Earths Ltd. said output rose. Shares gained.", 2)]
    [InlineData("Shenghe Resources Holding Co., Ltd. signed the deal on Monday.", 1)]
    [InlineData("The mine is owned by MP Materials Corp. in California.", 1)]
    [InlineData("Mr. Huang and Dr. Wang met Prof. Li in Jan. this year.", 1)]
    [InlineData("Prices rose 3.5% to US$1.2 bn in the quarter. Costs fell 12.4%.", 2)]
    [InlineData("The plant, Line No. 2, restarted. It runs at 80%.", 2)]
    [InlineData("It produces approx. 5,000 tonnes a year.", 1)]
    [InlineData("Heavy rare earths, e.g. dysprosium and terbium, are scarce.", 1)]
    [InlineData("The deal was signed by J. R. Smith and A. Lee on Friday.", 1)]
    [InlineData("The rules apply in the U.S. and the E.U. from March.", 1)]
    [InlineData("The company listed in the U.S. The shares then fell.", 2)]
    [InlineData("He paused... then continued. The room was quiet.", 2)]
    [InlineData("Output was flat... Analysts had expected more.", 2)]
    [InlineData("“We will grow,” she said. “Nothing will stop us.”", 2)]
    [InlineData("“Why now?” he asked. Nobody answered.", 2)]
    [InlineData("The figure excludes royalties (which rose 4%.) The rest was flat.", 2)]
    [InlineData("Gallium—used in chips—is controlled. Germanium is too.", 2)]
    [InlineData("Is the slump over? Analysts disagree! Prices are mixed.", 3)]
    public void CutsSentencesAtTrueBoundariesOnly(string paragraph, int expected)
    {
        Assert.Equal(expected, Split(paragraph).Count);
    }

    [Fact]
    public void AcceptsAbbreviationsFromTheCaller()
    {
        const string text = "The unit is run by Cmte. Chen and Xyz. Wu today.";
        Assert.Equal(3, Split(text).Count);
        Assert.Equal(2, Split(text, new ReaderOptions { DetectTitle = false, AdditionalAbbreviations = ["Xyz."] }).Count);
        Assert.Single(Split(text, new ReaderOptions { DetectTitle = false, AdditionalAbbreviations = ["Xyz", "Cmte."] }));
    }

    [Fact]
    public void KeepsABulletWithoutFinalFullStopAsOneSentence()
    {
        var document = ArticleReader.Default.Read("Highlights\n\n• Output up 12% in the quarter\n• Costs flat\n");
        Assert.Equal(["Output up 12% in the quarter", "Costs flat"], document.EnumerateSentences().Select(p => p.Sentence.Text));
    }
}
