using Classifier.Models;

namespace Classifier.Tests.Models;

public sealed class TfidfFeaturizerTests
{
    private static readonly string[][] s_rows =
    [
        ["China curbs gallium exports", "The ministry said licences would be needed from August."],
        ["Lithium prices slide again", "Spodumene fell for a fourth month as inventories rose."],
        ["Cobalt miner restarts plant", "The Kolwezi plant resumed output after a two-week halt."],
        ["U.S. grants aid graphite anode plant", "The Department of Energy (DOE) backed the project."],
    ];

    private static TfidfFeaturizer Fit(bool join) => TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: join);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GivesDistinctIndicesInRangeAndUnitNormBlocks(bool join)
    {
        var featurizer = Fit(join);
        var vector = featurizer.Featurize(s_rows[3]);
        var buffer = vector.ToVBuffer(featurizer.Dimension);

        Assert.NotEmpty(vector.Indices);
        Assert.Equal(vector.Indices.Length, vector.Indices.Distinct().Count());
        // ML.NET needs ascending indices, with each value still beside its index.
        Assert.Equal(vector.Indices.Order(), buffer.GetIndices().ToArray());
        Assert.All(Enumerable.Range(0, vector.Indices.Length), i => Assert.Equal(vector.Values[i], buffer.GetItemOrDefault(vector.Indices[i])));
        Assert.All(vector.Indices, i => Assert.InRange(i, 0, featurizer.Dimension - 1));
        // Words and characters of each group are normalised apart: the squared norm is the number of non-empty blocks.
        var blocks = join ? 2 : 4;
        Assert.Equal(blocks, vector.Values.Sum(v => (double)v * v), 4);
    }

    [Fact]
    public void CountsCharacterNgramsOfPunctuatedTokensAndIgnoresCase()
    {
        var featurizer = Fit(join: true);

        // "(DOE)" and "U.S." are seen as tokens with their punctuation; case does not change the vector.
        Assert.Equal(featurizer.Featurize(["u.s. (doe)", ""]), featurizer.Featurize(["U.S. (DOE)", ""]), SparseVectorComparer.Instance);
        Assert.NotEqual(featurizer.Featurize(["u.s. doe", ""]), featurizer.Featurize(["u.s. (doe)", ""]), SparseVectorComparer.Instance);
    }

    [Fact]
    public void GivesAnEmptyVectorForTextWithNoKnownNgram()
    {
        var featurizer = Fit(join: true);

        Assert.Empty(featurizer.Featurize(["", "   "]).Indices);
        Assert.Empty(featurizer.Featurize(["ж", ""]).Indices);
    }

    [Fact]
    public void SeparateInputsConcatenateTheirSlotVectors()
    {
        var featurizer = Fit(join: false);
        var row = s_rows[1];

        var whole = featurizer.Featurize(row);
        var parts = SparseVector.Concat([featurizer.FeaturizeSlot(0, row[0]), featurizer.FeaturizeSlot(1, row[1])]);

        Assert.Equal(whole, parts, SparseVectorComparer.Instance);
        Assert.Throws<InvalidOperationException>(() => Fit(join: true).FeaturizeSlot(0, row[0]));
    }

    [Fact]
    public void RoundTripsThroughItsFileFormat()
    {
        var featurizer = Fit(join: false);
        using var stream = new MemoryStream();
        featurizer.Write(stream);
        stream.Position = 0;

        var read = TfidfFeaturizer.Read(stream, "test.bin");

        Assert.Equal(featurizer.Dimension, read.Dimension);
        Assert.False(read.JoinInputs);
        foreach (var row in s_rows)
            Assert.Equal(featurizer.Featurize(row), read.Featurize(row), SparseVectorComparer.Instance);
    }

    [Fact]
    public void ShorterCharacterNgramsCanBeLeftOutAndTheChoiceIsSaved()
    {
        var from2 = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: true, minCharNgram: 2);
        var from3 = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: true, minCharNgram: 3);
        using var stream = new MemoryStream();
        from3.Write(stream);
        stream.Position = 0;

        var read = TfidfFeaturizer.Read(stream, "test.bin");

        Assert.Equal(3, read.MinCharNgram);
        Assert.True(from3.Dimension < from2.Dimension, $"{from3.Dimension} against {from2.Dimension}");
        Assert.True(from3.Featurize(s_rows[0]).Indices.Length < from2.Featurize(s_rows[0]).Indices.Length);
        Assert.Equal(from3.Featurize(s_rows[1]), read.Featurize(s_rows[1]), SparseVectorComparer.Instance);
        Assert.Throws<ArgumentOutOfRangeException>(() => TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: true, minCharNgram: 6));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_words_featurizer_has_word_ngrams_only_and_survives_its_file(bool join)
    {
        var words = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: join, minCharNgram: TfidfFeaturizer.MinCharNgramOf("words"));
        var both = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: join);
        using var stream = new MemoryStream();
        words.Write(stream);
        stream.Position = 0;

        var read = TfidfFeaturizer.Read(stream, "test.bin");
        var vector = words.Featurize(s_rows[2]);

        Assert.Equal(TfidfFeaturizer.NoCharNgrams, read.MinCharNgram);
        // One unit-norm word block per group, and each is the word block of the full featurizer.
        Assert.Equal(join ? 1 : 2, vector.Values.Sum(v => (double)v * v), 4);
        Assert.Equal(both.Featurize(s_rows[2]).Values.Sum(v => (double)v * v) / 2, vector.Values.Sum(v => (double)v * v), 4);
        Assert.True(words.Dimension < both.Dimension / 3, $"{words.Dimension} against {both.Dimension}");
        Assert.Equal(vector, read.Featurize(s_rows[2]), SparseVectorComparer.Instance);
        Assert.True(TfidfFeaturizer.Serves("words") && TfidfFeaturizer.Serves("tfidf") && !TfidfFeaturizer.Serves("ngrams"));
    }

    [Fact]
    public void Tfidf3p_reads_the_second_slot_by_words_only_and_survives_its_file()
    {
        var featurizer = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: false, minCharNgram: TfidfFeaturizer.MinCharNgramOf("tfidf3p"),
            charNgramsIn: slot => TfidfFeaturizer.CharNgramsIn("tfidf3p", slot));
        var whole = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: false, minCharNgram: 3);
        using var stream = new MemoryStream();
        featurizer.Write(stream);
        stream.Position = 0;
        var read = TfidfFeaturizer.Read(stream, "test.bin");

        // Slot 0 has its words and characters (two unit-norm blocks), slot 1 its words alone (one), which are the words
        // of the featurizer that reads it whole.
        Assert.Equal(2, featurizer.FeaturizeSlot(0, s_rows[3][0]).Values.Sum(v => (double)v * v), 4);
        var second = featurizer.FeaturizeSlot(1, s_rows[3][1]);
        Assert.Equal(1, second.Values.Sum(v => (double)v * v), 4);
        Assert.Equal(whole.FeaturizeSlot(1, s_rows[3][1]).Values.Sum(v => (double)v * v) / 2, second.Values.Sum(v => (double)v * v), 4);
        Assert.True(featurizer.Dimension < whole.Dimension, $"{featurizer.Dimension} against {whole.Dimension}");
        Assert.Equal(featurizer.Featurize(s_rows[1]), read.Featurize(s_rows[1]), SparseVectorComparer.Instance);
        Assert.True(TfidfFeaturizer.Serves("tfidf3p"));
        Assert.False(TfidfFeaturizer.CharNgramsIn("tfidf3p", 1));
        Assert.True(TfidfFeaturizer.CharNgramsIn("tfidf3p", 0) && TfidfFeaturizer.CharNgramsIn("tfidf3p", 2) && TfidfFeaturizer.CharNgramsIn("tfidf3", 1));
    }

    [Fact]
    public void The_featurizer_names_choose_the_shortest_character_ngram()
    {
        Assert.Equal(2, TfidfFeaturizer.MinCharNgramOf("tfidf"));
        Assert.Equal(3, TfidfFeaturizer.MinCharNgramOf("tfidf3"));
        Assert.Equal(3, TfidfFeaturizer.MinCharNgramOf("tfidf3p"));
        Assert.Equal(TfidfFeaturizer.NoCharNgrams, TfidfFeaturizer.MinCharNgramOf("words"));
        Assert.True(TfidfFeaturizer.Serves("tfidf3"));
    }

    [Fact]
    public void ReadsFormatOneFilesAsCharacterTwoToFiveGrams()
    {
        // Format 1 is format 2 without the shortest n-gram (after magic, version, slots, join flag and minimum df).
        var featurizer = TfidfFeaturizer.Fit(s_rows, slots: 2, joinInputs: true, minCharNgram: 2);
        using var stream = new MemoryStream();
        featurizer.Write(stream);
        var v2 = stream.ToArray();
        var v1 = v2[..4].Concat(BitConverter.GetBytes(1)).Concat(v2[8..17]).Concat(v2[21..]).ToArray();

        var read = TfidfFeaturizer.Read(new MemoryStream(v1), "old.bin");

        Assert.Equal(2, read.MinCharNgram);
        Assert.Equal(featurizer.Featurize(s_rows[2]), read.Featurize(s_rows[2]), SparseVectorComparer.Instance);
    }

    [Fact]
    public void RefusesTruncatedOrForeignDataNamingTheSource()
    {
        using var whole = new MemoryStream();
        Fit(join: true).Write(whole);
        var bytes = whole.ToArray();

        var truncated = Assert.Throws<InvalidDataException>(() => TfidfFeaturizer.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "topic.zip!tfidf"));
        Assert.Contains("topic.zip!tfidf", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
        var foreign = Assert.Throws<InvalidDataException>(() => TfidfFeaturizer.Read(new MemoryStream("PK\u0003\u0004 not this"u8.ToArray()), "x.bin"));
        Assert.Contains("not a tf-idf featurizer", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRowsGiveTheSameVocabulary()
    {
        var first = Fit(join: true);
        var second = Fit(join: true);

        Assert.Equal(first.Dimension, second.Dimension);
        Assert.Equal(first.Featurize(s_rows[0]), second.Featurize(s_rows[0]), SparseVectorComparer.Instance);
    }

    private sealed class SparseVectorComparer : IEqualityComparer<SparseVector>
    {
        public static SparseVectorComparer Instance { get; } = new();

        public bool Equals(SparseVector x, SparseVector y) => x.Indices.SequenceEqual(y.Indices) && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(SparseVector obj) => obj.Indices.Length;
    }
}
