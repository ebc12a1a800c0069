using System.Globalization;
using System.Text.Json;
using Classifier.Tests.Support;
using Classifier.Text;
using Classifier.Training.Evaluation;

namespace Classifier.Tests.Evaluation;

/// <summary>
/// ROUGE agrees with the peer scorer <c>/work/shared/peers/rouge.py</c>: every expected figure here was computed by
/// importing that script (or <c>summarize.py</c> for the oracle), not by hand.
/// </summary>
public sealed class RougeTests
{
    // The lead baseline that `summarize.py --data articles.jsonl --split test` reports (k = reference length).
    private const double PeerLeadRouge1 = 63.66;
    private const double PeerLeadRouge2 = 50.39;
    private const double PeerLeadRougeL = 41.36;

    // Its oracle on the same split: greedy ROUGE-1 + ROUGE-2 selection over its own sentences.
    private const double PeerOracleRouge1 = 99.81;
    private const double PeerOracleRouge2 = 96.88;

    public static TheoryData<string[], string[], double, double, double> PeerScores => new()
    {
        { ["the cat sat on the mat"], ["the cat lay on the mat"], 83.33, 60.00, 83.33 },
        // Stemming: runners/runner, running/runs and quickly/quick meet; "the" and "a" do not.
        { ["The runners were running quickly."], ["A runner runs quick."], 44.44, 0.00, 44.44 },
        // Clipped counts: four "the" match only the reference's two.
        { ["the the the the"], ["the cat the"], 57.14, 0.00, 57.14 },
        // Sentences are joined, so "rose markets" is a bigram on both sides.
        { ["Prices rose.", "Markets fell."], ["Prices rose, markets fell."], 100.00, 100.00, 100.00 },
        // Same words, other order: ROUGE-L sees it.
        { ["police killed the gunman"], ["the gunman killed police"], 100.00, 33.33, 50.00 },
        {
            ["Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December."],
            ["TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.", "Quarterly profits jumped 76% to $1.13bn."],
            46.15, 27.03, 35.90
        },
        {
            ["The Governments' generous subsidies were criticised.", "Ministers said the subsidy would continue."],
            ["Ministers criticised the government's subsidies.", "Subsidies would continue, the minister said."],
            83.33, 36.36, 50.00
        },
        { ["Nothing in common here."], ["Completely different words."], 0, 0, 0 },
        { [], ["A reference."], 0, 0, 0 },
        { ["A candidate."], [], 0, 0, 0 },
    };

    public static TheoryData<string, string[]> PeerTokens => new()
    {
        { "Profits jumped 76% to $1.13bn (£600m)!", ["profit", "jump", "76", "to", "1", "13bn", "600m"] },
        // Python lower-cases İ to i and a combining dot, which splits the token; é is a separator; the Kelvin sign is k.
        { "İstanbul Café, \u212AELVIN-scale e-mail", ["i", "stanbul", "caf", "kelvin", "scale", "e", "mail"] },
        { "The runners' cars weren't RUNNING", ["the", "runner", "car", "weren", "t", "run"] },
        { "", [] },
        { "  --  ", [] },
    };

    public static TheoryData<string[], string[], int, int[]> PeerOracle => new()
    {
        {
            ["The central bank raised rates.", "Shares fell in early trading.", "The bank raised interest rates by a quarter point.", "Analysts had expected the move."],
            ["The bank raised interest rates by a quarter point.", "Analysts had expected the move."], 3, [2, 3]
        },
        // Ties go to the earlier sentence, and a repeat adds nothing, so the oracle stops short of k.
        { ["Rain is forecast.", "Rain is forecast.", "Winds will be strong."], ["Rain is forecast."], 2, [0] },
        { ["Alpha beta gamma.", "Delta epsilon.", "Zeta eta theta."], ["Delta epsilon zeta eta."], 3, [1, 2] },
        { ["Nothing matches.", "Still nothing."], ["Completely different words."], 2, [] },
        { ["One two three.", "Four five six.", "Seven eight."], ["One two three four five six seven eight."], 0, [] },
        { ["Seven eight.", "One two three.", "Four five six."], ["One two three four five six seven eight."], 3, [0, 1, 2] },
        // Inserting "Blue sky." between the two picks would break the bigram "green yellow": the oracle stops at two...
        { ["Red green.", "Blue sky.", "Yellow sun."], ["Red green yellow sun blue."], 3, [0, 2] },
        // ...but appended after them it only adds "blue", and is taken.
        { ["Red green.", "Yellow sun.", "Blue sky."], ["Red green yellow sun blue."], 3, [0, 1, 2] },
    };

    [Theory]
    [MemberData(nameof(PeerScores))]
    public void ScoresAsThePeerScorerDoes(string[] candidate, string[] reference, double rouge1, double rouge2, double rougeL)
    {
        var scores = Rouge.Score(candidate, reference);

        Assert.Equal(rouge1, scores.Rouge1, 2);
        Assert.Equal(rouge2, scores.Rouge2, 2);
        Assert.Equal(rougeL, scores.RougeL, 2);
    }

    [Fact]
    public void AgreesWithThePeerScorerToTheLastBit()
    {
        // rouge.py's self-check example; its F1 is 2pr/(p+r) in the same order, so the doubles are identical.
        var scores = Rouge.Score(["the cat sat on the mat"], ["the cat lay on the mat"]);

        Assert.Equal(new RougeScores(83.33333333333334, 60.0, 83.33333333333334), scores);
    }

    [Fact]
    public void AveragesDocumentsAsThePeerScorerDoes()
    {
        RougeScores[] documents =
        [
            Rouge.Score(["the cat sat on the mat"], ["the cat lay on the mat"]),
            Rouge.Score(["The runners were running quickly."], ["A runner runs quick."]),
            Rouge.Score(["the the the the"], ["the cat the"]),
        ];

        // rouge.corpus over these three pairs: a plain mean of the per-document F1s.
        Assert.Equal(new RougeScores(61.640211640211646, 20.0, 61.640211640211646), Rouge.Mean(documents));
        Assert.Equal(RougeScores.Zero, Rouge.Mean([]));
    }

    [Theory]
    [MemberData(nameof(PeerTokens))]
    public void TokenizesAsThePeerScorerDoes(string text, string[] tokens) => Assert.Equal(tokens, Rouge.Tokenize(text));

    [Theory]
    [MemberData(nameof(PeerOracle))]
    public void PicksTheSentencesThePeerOracleDoes(string[] sentences, string[] reference, int maxSentences, int[] expected) =>
        Assert.Equal(expected, Rouge.GreedyOracle(sentences, reference, maxSentences));

    [Fact]
    public void LeadAndOracleOnBbcTestSplitMatchThePeers()
    {
        var articles = ReadBbcTestSplit(SharedData.Require(SharedData.BbcArticles));
        Assert.Equal(426, articles.Count);

        // The project's reader: the title becomes the document title, so its sentences are the body's, as for the peers.
        var sentences = articles.Select(a => ArticleReader.Default.Read(a.Title + "\n\n" + a.Text)
            .EnumerateSentences().Select(s => s.Sentence.Text).ToList()).ToList();

        var lead = Rouge.Mean(articles.Select((a, i) => Rouge.Score(sentences[i].Take(a.Summary.Count).ToList(), a.Summary)).ToList());
        var oracle = Rouge.Mean(articles.Select((a, i) =>
        {
            var chosen = Rouge.GreedyOracle(sentences[i], a.Summary, a.Summary.Count);
            return Rouge.Score(chosen.Select(c => sentences[i][c]).ToList(), a.Summary);
        }).ToList());

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lead {lead.Rouge1:F2}/{lead.Rouge2:F2}/{lead.RougeL:F2}; oracle {oracle.Rouge1:F2}/{oracle.Rouge2:F2}/{oracle.RougeL:F2}"));

        // The peers split sentences their own way, hence a tolerance rather than equality.
        Assert.InRange(lead.Rouge1, PeerLeadRouge1 - 1.5, PeerLeadRouge1 + 1.5);
        Assert.InRange(lead.Rouge2, PeerLeadRouge2 - 1.5, PeerLeadRouge2 + 1.5);
        Assert.InRange(lead.RougeL, PeerLeadRougeL - 1.5, PeerLeadRougeL + 1.5);
        Assert.InRange(oracle.Rouge1, PeerOracleRouge1 - 1.5, 100);
        Assert.InRange(oracle.Rouge2, PeerOracleRouge2 - 1.5, 100);
    }

    [Fact]
    public void RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => Rouge.Score(null!, []));
        Assert.Throws<ArgumentNullException>(() => Rouge.Tokenize(null!));
        Assert.Throws<ArgumentNullException>(() => Rouge.GreedyOracle([], null!, 1));
    }

    private static List<BbcArticle> ReadBbcTestSplit(string path)
    {
        var articles = new List<BbcArticle>();
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.GetProperty("split").GetString() != "test")
                continue;
            articles.Add(new BbcArticle(
                root.GetProperty("title").GetString()!,
                root.GetProperty("text").GetString()!,
                [.. root.GetProperty("summary").EnumerateArray().Select(s => s.GetString()!)]));
        }

        return articles;
    }

    private sealed record BbcArticle(string Title, string Text, IReadOnlyList<string> Summary);
}
