using Classifier.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Classifier.Models;

/// <summary>The salience model: a gradient-boosted tree classifier (FastTree) over a sentence's non-lexical features, giving
/// the probability that the sentence belongs in a summary. Thread-safe.</summary>
internal sealed class SalienceModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly EnginePool<SalienceRow, SalienceScore> _engines;

    private SalienceModel(MLContext ml, ITransformer model, ModelEntry entry)
    {
        _ml = ml;
        _model = model;
        _engines = new(ml, model);
        Entry = entry;
    }

    public ModelEntry Entry { get; }

    /// <summary>The setting that says whether the model learned from a key-sentence model's probabilities; a bundle whose
    /// salience model did must ship that model.</summary>
    public const string KeySentencesSetting = "keySentences";

    /// <summary>The value of <see cref="KeySentencesSetting"/> when it did.</summary>
    public const string KeySentencesRead = "read";

    /// <summary>Whether the model learned from a key-sentence model's probabilities.</summary>
    public bool ReadsKeySentences => Entry.Settings.GetValueOrDefault(KeySentencesSetting) == KeySentencesRead;

    public static SalienceModel Create(MLContext ml, ITransformer model, ModelEntry entry) => new(ml, model, entry);

    /// <summary>Loads a salience model zip and checks that it reads the features this library computes.</summary>
    /// <exception cref="InvalidDataException">The file is not such a model, or its features differ.</exception>
    public static SalienceModel Load(MLContext ml, Stream zip, ModelEntry entry, string source)
    {
        if (!entry.Inputs.SequenceEqual(SalienceFeatures.Names))
            throw new InvalidDataException($"{source}: the salience model reads features ({string.Join(", ", entry.Inputs)}) but this library computes ({string.Join(", ", SalienceFeatures.Names)}); retrain the bundle with this version.");

        ITransformer model;
        try
        {
            model = ml.Model.Load(zip, out _);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{source}: cannot load the salience model ({error.Message}). Is the file truncated or not an ML.NET model?", error);
        }

        var salience = new SalienceModel(ml, model, entry);
        try
        {
            salience.Score([new float[SalienceFeatures.Count]]);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: the model does not take a {SalienceFeatures.Count}-feature vector ({error.Message}).", error);
        }

        return salience;
    }

    public void Save(Stream zip) => _ml.Model.Save(_model, null, zip);

    /// <summary>The probability of each feature vector's sentence being summary-worthy.</summary>
    public float[] Score(IReadOnlyList<float[]> features)
    {
        var scores = new float[features.Count];
        if (features.Count == 0)
            return scores;

        return _engines.Use(engine =>
        {
            var row = new SalienceRow();
            for (var i = 0; i < scores.Length; i++)
            {
                row.Features = features[i];
                scores[i] = engine.Predict(row).Probability;
            }

            return scores;
        });
    }
}

/// <summary>A salience model's input row.</summary>
internal sealed class SalienceRow
{
    [VectorType(SalienceFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>A salience model's output row.</summary>
internal sealed class SalienceScore
{
    public float Probability { get; set; }
}
