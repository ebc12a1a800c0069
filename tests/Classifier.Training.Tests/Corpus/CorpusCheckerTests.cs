using Classifier.Training.Corpus;

namespace Classifier.Tests.Corpus;

/// <summary>Key sentences are optional for a corpus, but a corpus that marks them marks three in every article.</summary>
public sealed class CorpusCheckerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("classifier-corpus-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, true, null)]
    [InlineData(true, false, "0 key sentences ('K:' lines; expected 3)")]
    public void Key_sentences_are_all_or_nothing(bool firstMarks, bool secondMarks, string? issue)
    {
        Write("t-01-test", "train", firstMarks);
        Write("t-02-test", "test", secondMarks);
        var corpus = TrainingCorpus.Load(_root);

        var issues = CorpusChecker.Check(corpus);

        Assert.Equal(firstMarks || secondMarks, corpus.MarksKeySentences);
        if (issue is null)
            Assert.Empty(issues);
        else
            Assert.Equal("t-02-test.txt", Path.GetFileName(Assert.Single(issues, i => i.Message.Contains(issue, StringComparison.Ordinal)).Path));
    }

    private void Write(string id, string split, bool marksKeys)
    {
        Directory.CreateDirectory(Path.Combine(_root, "articles"));
        var keys = marksKeys ? "\n  K: Output rose\n  K: Costs were\n  K: Prices fell" : "";
        File.WriteAllText(Path.Combine(_root, "articles", id + ".txt"), $"""
            id: {id}
            outlet: newswire
            date: 2025-03-04
            split: {split}
            highlight: One
            highlight: Two
            highlight: Three
            labels:
            [operations] Output rose{keys}
            ---
            {(split == "train" ? "Lynas" : "Iluka")} output report

            Output rose 12% in the quarter at the {split} plant. Costs were flat for {id}. Prices fell in {split}.
            """);
    }
}
