using System.Text.Json.Nodes;
using Classifier.Analysis;
using Classifier.Models;
using Classifier.Tests.Support;

namespace Classifier.Tests.Analysis;

/// <summary>Missing, corrupted and incompatible bundles are refused with a message that names the file and the fault.</summary>
public sealed class BundleLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("classifier-bundle-").FullName;

    public BundleLoadingTests()
    {
        foreach (var file in Directory.GetFiles(SharedData.Models).Where(f => f.EndsWith(".zip", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_copy_of_the_default_bundle_loads()
    {
        var analyzer = ArticleAnalyzer.Load(_folder);

        Assert.Contains("strategy", analyzer.TopicLabels);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = Path.Combine(_folder, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ArticleAnalyzer.Load(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_missing_manifest_is_named()
    {
        File.Delete(Path.Combine(_folder, ModelManifest.FileName));

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains(ModelManifest.FileName, error.Message);
    }

    [Theory]
    [InlineData("topic.zip")]
    [InlineData("western.zip")]
    [InlineData("salience.zip")]
    public void A_truncated_model_is_named(string file)
    {
        var path = Path.Combine(_folder, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        File.Delete(Path.Combine(_folder, "western.zip"));

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains("western.zip", error.Message);
    }

    [Fact]
    public void A_manifest_of_another_schema_version_is_refused()
    {
        EditManifest(json => json["schemaVersion"] = 2);

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains("schema version 2", error.Message);
    }

    [Fact]
    public void A_manifest_whose_labels_do_not_match_the_model_is_refused()
    {
        EditManifest(json => json["models"]!["topic"]!["labels"] = new JsonArray("a", "b"));

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains("topic.zip", error.Message);
        Assert.Contains("labels", error.Message);
    }

    [Fact]
    public void A_salience_model_for_other_features_is_refused()
    {
        EditManifest(json => json["models"]!["salience"]!["inputs"] = new JsonArray("position"));

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains("salience", error.Message);
        Assert.Contains("retrain", error.Message);
    }

    [Fact]
    public void Garbage_json_in_the_manifest_is_refused_with_the_file_named()
    {
        File.WriteAllText(Path.Combine(_folder, ModelManifest.FileName), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Load(_folder));

        Assert.Contains(ModelManifest.FileName, error.Message);
    }

    private void EditManifest(Action<JsonNode> edit)
    {
        var path = Path.Combine(_folder, ModelManifest.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
