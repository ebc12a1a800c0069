using System.Text.Json;
using Classifier.Analysis;
using Classifier.Tests.Support;

namespace Classifier.Tests.Analysis;

/// <summary>The JSON other apps rely on: the fields of <c>docs/json-contract.md</c>, with their types.</summary>
public sealed class JsonContractTests
{
    private static readonly string s_example = File.ReadAllText(SharedData.ExampleArticle);

    [Fact]
    public void Tag_json_has_the_documented_fields()
    {
        using var json = JsonDocument.Parse(JsonContract.Tag(DefaultAnalyzer.Instance.Analyze(s_example), id: "a1"));
        var root = json.RootElement;

        Assert.Equal("a1", root.GetProperty("id").GetString());
        Assert.Equal(JsonContract.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(JsonValueKind.String, root.GetProperty("title").ValueKind);
        var paragraphs = root.GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.NotEmpty(paragraphs);
        foreach (var paragraph in paragraphs)
        {
            Assert.Equal(JsonValueKind.Number, paragraph.GetProperty("index").ValueKind);
            Assert.Contains(paragraph.GetProperty("kind").GetString(), new[] { "heading", "paragraph", "bullet" });
            var start = paragraph.GetProperty("start").GetInt32();
            Assert.Equal(paragraph.GetProperty("text").GetString(), s_example.Substring(start, paragraph.GetProperty("length").GetInt32()));
            Assert.Equal(JsonValueKind.Object, paragraph.GetProperty("topicScores").ValueKind);
            Assert.True(paragraph.GetProperty("topic").ValueKind is JsonValueKind.String or JsonValueKind.Null);
            foreach (var sentence in paragraph.GetProperty("sentences").EnumerateArray())
            {
                Assert.Equal(sentence.GetProperty("text").GetString(), s_example.Substring(sentence.GetProperty("start").GetInt32(), sentence.GetProperty("length").GetInt32()));
                Assert.True(sentence.GetProperty("western").ValueKind is JsonValueKind.True or JsonValueKind.False);
                Assert.InRange(sentence.GetProperty("westernScore").GetDouble(), 0, 1);
                Assert.InRange(sentence.GetProperty("salience").GetDouble(), 0, 1);
            }
        }
    }

    [Fact]
    public void Summary_json_has_the_documented_fields()
    {
        using var json = JsonDocument.Parse(JsonContract.Summary(DefaultAnalyzer.Instance.Summarize(s_example)));
        var root = json.RootElement;

        Assert.False(root.TryGetProperty("id", out _));
        Assert.Equal(JsonContract.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        var sentences = root.GetProperty("highlights").EnumerateArray()
            .Concat(root.GetProperty("west").EnumerateArray())
            .Concat(root.GetProperty("keyPoints").EnumerateArray().SelectMany(k =>
            {
                Assert.Equal(JsonValueKind.String, k.GetProperty("topic").ValueKind);
                return k.GetProperty("sentences").EnumerateArray();
            }))
            .ToList();
        Assert.NotEmpty(sentences);
        foreach (var s in sentences)
        {
            Assert.Equal(s.GetProperty("text").GetString(), s_example.Substring(s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32()));
            Assert.Equal(JsonValueKind.Number, s.GetProperty("paragraph").ValueKind);
            Assert.Equal(JsonValueKind.String, s.GetProperty("topic").ValueKind);
            Assert.InRange(s.GetProperty("score").GetDouble(), 0, 1);
        }
    }
}
