using Classifier.Text;
using Classifier.Training.Summaries;

namespace Classifier.Training.Tests.Summaries;

public sealed class SummaryDataTests
{
    [Fact]
    public void The_highlight_box_before_the_first_paragraph_is_left_out_and_later_lists_stay()
    {
        const string text = "Cobalt Output Falls\n\nHighlights\n\n  • Output fell.\n  • Prices rose.\n\nThe miner said output fell 8% in the quarter.\n\nIts plans:\n\n  • A new kiln.\n  • A second shift.\n";
        var document = ArticleReader.Default.Read(text);

        var body = SummaryData.WithoutHighlightBox(document);

        Assert.DoesNotContain("Highlights", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Output fell.", body, StringComparison.Ordinal);
        Assert.Contains("The miner said output fell 8% in the quarter.", body, StringComparison.Ordinal);
        Assert.Contains("A new kiln.", body, StringComparison.Ordinal);
        Assert.StartsWith("Cobalt Output Falls", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_articles_carry_their_key_sentences_and_lose_their_highlight_box()
    {
        var root = Directory.CreateTempSubdirectory("classifier-corpus-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "articles"));
            File.WriteAllText(Path.Combine(root, "articles", "t-01-test.txt"), Classifier.Tests.Corpus.CorpusArticleParserTests.Valid.Replace(
                "[operations] Output rose 12%", "[operations] Output rose 12%\n  K: Costs were flat", StringComparison.Ordinal));
            var corpus = Training.Corpus.TrainingCorpus.Load(root);
            Assert.Empty(corpus.Issues);

            var article = Assert.Single(SummaryData.FromCorpus(corpus));

            Assert.Equal(["Costs were flat."], article.KeySentences);
            Assert.Equal(["One", "Two", "Three"], article.Reference);
            Assert.DoesNotContain("Lynas plans a new plant", article.Body, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_article_without_a_box_is_unchanged()
    {
        const string text = "Title Here\n\nFirst paragraph of the story.\n\nSecond paragraph.";

        Assert.Equal(text, SummaryData.WithoutHighlightBox(ArticleReader.Default.Read(text)));
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"text\": \"t\"}", "summary")]
    [InlineData("{\"id\": \"a\", \"summary\": []}", "text")]
    [InlineData("not json", "not a JSON object")]
    [InlineData("{\"id\": \"a\", \"text\": \"t\", \"summary\": \"one string\"}", "array")]
    public void A_bad_line_is_named_by_file_line_and_field(string line, string expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"id\": \"ok\", \"title\": \"T\", \"text\": \"Body.\", \"summary\": [\"Body.\"], \"split\": \"test\"}\n\n" + line + "\n");

            var error = Assert.Throws<InvalidDataException>(() => SummaryData.ReadJsonLines(path, "x"));

            Assert.Contains($"{path}:3", error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Records_round_trip_with_the_title_apart_from_the_body()
    {
        var article = new SummaryArticle("a1", "Headline", "Body text.", ["Body text."], "test", "corpus");
        using var buffer = new MemoryStream();
        SummaryData.WriteJsonLines(buffer, [article]);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, buffer.ToArray());

            var read = Assert.Single(SummaryData.ReadJsonLines(path, "corpus"));

            Assert.Equal(article.Id, read.Id);
            Assert.Equal(article.Title, read.Title);
            Assert.Equal(article.Body, read.Body);
            Assert.Equal(article.Reference, read.Reference);
            Assert.Equal("Headline\n\nBody text.", read.Text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
