using Classifier.Training.Data;

namespace Classifier.Tests.Data;

public sealed class TabularDataReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("classifier-tabular-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static readonly TabularColumns s_columns = new() { Text = ["Title", "Body"], Label = "Label", Split = "Split" };

    [Fact]
    public void ReadsCsvWithQuotedFieldsABomAndCaseInsensitiveHeaders()
    {
        var path = Write("ok.csv", "\uFEFFlabel,title,body,split\nBusiness,\"Cobalt, again\",\"He said \"\"no\"\".\",train\nWorld,A,B,test\n");
        var data = TabularDataReader.Read(path, s_columns);

        Assert.Equal(2, data.Rows.Count);
        Assert.Equal(["Cobalt, again", "He said \"no\"."], data.Rows[0].Texts);
        Assert.Equal("test", data.Rows[1].Split);
        Assert.Equal(3, data.Rows[1].Line);
    }

    [Theory]
    [InlineData("Label,Title,Split\nA,x,train\n", "ok.csv:1: no column 'Body' in the header (columns: Label, Title, Split)")]
    [InlineData("Label,Title,Body,Split\nA,x,y,train\n,x,y,train\n", "ok.csv:3: field 'Label' is empty")]
    [InlineData("Label,Title,Body,Split\nA,x,y,train\nB,x,y\n", "ok.csv:3: 3 fields, but the header has 4")]
    [InlineData("Label,Title,Body,Split\nA,\"x\" broken,y,train\n", "ok.csv:2: malformed row")]
    [InlineData("Label,Title,Body,Split\nA,\"never closed,y,train\nB,x,y,train\n", "ok.csv:2:")]
    [InlineData("", "ok.csv:1: no header row (expected columns Title, Body, Label, Split)")]
    [InlineData("Label,Title,Body,Split\nA,x,y,train,extra\n", "ok.csv:2: 5 fields, but the header has 4")]
    [InlineData("Label,Title,Body,Split\nA,x,y,train\nB,x,y,validation\n", "ok.csv:3: field 'Split' is 'validation'; a split is train, dev, test or empty (train)")]
    public void StopsOnBadRowsNamingFileLineAndField(string content, string message)
    {
        var path = Write("ok.csv", content);
        var error = Assert.Throws<FormatException>(() => TabularDataReader.Read(path, s_columns));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsSplitsInAnyCase()
    {
        var path = Write("case.csv", "Label,Title,Body,Split\nA,x,y,Train\nB,x,y, TEST \nC,x,y,\n");
        Assert.Equal(["train", "test", ""], TabularDataReader.Read(path, s_columns).Rows.Select(r => r.Split));
    }

    [Theory]
    [InlineData("latin1.csv")]
    [InlineData("latin1.jsonl")]
    public void RefusesTextThatIsNotUtf8NamingTheLine(string name)
    {
        // "Café" saved as Latin-1 on the third line, as a spreadsheet export might: é is the single byte 0xE9.
        var header = name.EndsWith(".csv", StringComparison.Ordinal) ? "Label,Title,Body,Split\nA,x,y,train\n"u8.ToArray()
            : "{\"Label\":\"A\",\"Title\":\"x\",\"Body\":\"y\",\"Split\":\"train\"}\n\n"u8.ToArray();
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, [.. header, .. "B,Caf"u8, 0xE9, .. ",y,train\n"u8]);

        var error = Assert.Throws<FormatException>(() => TabularDataReader.Read(path, s_columns));
        Assert.StartsWith($"{path}:3: not UTF-8 text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsJsonLinesWithAByteOrderMark()
    {
        var path = Write("bom.jsonl", "\uFEFF{\"Label\":\"A\",\"Title\":\"t\",\"Body\":\"b\",\"Split\":\"train\"}\n");
        Assert.Equal("A", Assert.Single(TabularDataReader.Read(path, s_columns).Rows).Label);
    }

    [Fact]
    public void CountsSkippedRowsWhenAllowedInsteadOfDroppingThemSilently()
    {
        var path = Write("skip.csv", "Label,Title,Body,Split\nA,x,y,train\n,x,y,train\nB,x,y\nC,x,y,test\nD,x,y,tset\n");
        var data = TabularDataReader.Read(path, s_columns with { SkipBadRows = true });

        Assert.Equal(["A", "C"], data.Rows.Select(r => r.Label));
        Assert.Equal(3, data.Skipped.Count);
        Assert.Contains("skip.csv:6: field 'Split' is 'tset'", data.Skipped[2], StringComparison.Ordinal);
        Assert.Contains("skip.csv:3:", data.Skipped[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsJsonLinesAndNamesTheMissingField()
    {
        var ok = Write("ok.jsonl", "{\"Label\":\"A\",\"Title\":\"t\",\"Body\":\"b\",\"Split\":\"train\"}\n\n{\"Label\":1,\"Title\":\"t2\",\"Body\":[\"x\",\"y\"],\"Split\":\"test\"}\n");
        var data = TabularDataReader.Read(ok, s_columns);
        Assert.Equal(["A", "1"], data.Rows.Select(r => r.Label));
        Assert.Equal("x\ny", data.Rows[1].Texts[1]);
        Assert.Equal(3, data.Rows[1].Line);

        var bad = Write("bad.jsonl", "{\"Label\":\"A\",\"Title\":\"t\",\"Split\":\"train\"}\n");
        var error = Assert.Throws<FormatException>(() => TabularDataReader.Read(bad, s_columns));
        Assert.Contains("bad.jsonl:1: no field 'Body'", error.Message, StringComparison.Ordinal);
    }
}
