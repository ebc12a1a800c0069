using Classifier.Text;
using Microsoft.ML;

namespace Classifier.Models;

/// <summary>A trained text model with its manifest entry: gives calibrated class probabilities. Thread-safe.</summary>
public sealed class TextClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private readonly EnginePool<TextModelInput, TextModelOutput> _engines;

    private TextClassifier(MLContext ml, ITransformer model, ModelEntry entry)
    {
        _ml = ml;
        _model = model;
        _engines = new(ml, model);
        Entry = entry;
    }

    /// <summary>The manifest entry: labels, inputs, calibration, threshold.</summary>
    public ModelEntry Entry { get; }

    /// <summary>The class labels in probability order.</summary>
    public IReadOnlyList<string> Labels => Entry.Labels;

    /// <summary>Wraps an in-memory model (as training produces it).</summary>
    public static TextClassifier Create(MLContext ml, ITransformer model, ModelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(entry);
        return new TextClassifier(ml, model, entry);
    }

    /// <summary>Loads a model zip. Load models only from trusted sources: a model file can run code when it is loaded.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of the expected shape.</exception>
    public static TextClassifier Load(MLContext ml, Stream zip, ModelEntry entry, string source)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(entry);
        ITransformer model;
        try
        {
            model = ml.Model.Load(zip, out _);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{source}: cannot load the model ({error.Message}). Is the file truncated or not an ML.NET model?", error);
        }

        var classifier = new TextClassifier(ml, model, entry);
        classifier.CheckShape(source);
        return classifier;
    }

    /// <summary>Saves the model zip.</summary>
    public void Save(Stream zip) => _ml.Model.Save(_model, null, zip);

    /// <summary>Calibrated probabilities for one row of slot texts, in <see cref="Labels"/> order.</summary>
    public float[] Predict(IReadOnlyList<string> slots)
    {
        var input = TextModelInput.FromSlots(Encode(slots));
        return Finish(_engines.Use(engine => engine.Predict(input).Score));
    }

    /// <summary>Calibrated probabilities for many rows at once (one pass of the pipeline: the fast path for batches).</summary>
    public float[][] PredictBatch(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var probabilities = PredictRawBatch(rows);
        foreach (var row in probabilities)
            Entry.Calibration.Apply(row);
        return probabilities;
    }

    /// <summary>Raw (uncalibrated) probabilities for many rows; training uses them to fit calibration.</summary>
    internal float[][] PredictRawBatch(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return [];

        var inputs = rows.Select(r => TextModelInput.FromSlots(Encode(r))).ToList();
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(inputs));
        return _ml.Data.CreateEnumerable<TextModelOutput>(scored, reuseRowObject: false).Select(o => Normalize(o.Score)).ToArray();
    }

    /// <summary>The index of the predicted label for calibrated probabilities (binary models use the threshold).</summary>
    public int Decide(ReadOnlySpan<float> probabilities)
    {
        if (Entry.Task == "binary" && probabilities.Length == 2)
            return probabilities[1] >= Entry.Threshold ? 1 : 0;

        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
                best = i;
        }

        return best;
    }

    private IReadOnlyList<string> Encode(IReadOnlyList<string> slots) =>
        Entry.Featurizer == "subwords" ? slots.Select(SubwordEncoder.Encode).ToList() : slots;

    private float[] Finish(float[] score)
    {
        var probabilities = Normalize(score);
        Entry.Calibration.Apply(probabilities);
        return probabilities;
    }

    private static float[] Normalize(float[] score)
    {
        // Some trainers (one-versus-all) give scores that do not sum to one.
        var result = new float[score.Length];
        double sum = 0;
        foreach (var s in score)
            sum += Math.Max(s, 0);
        for (var i = 0; i < score.Length; i++)
            result[i] = sum > 0 ? (float)(Math.Max(score[i], 0) / sum) : 1f / score.Length;
        return result;
    }

    private void CheckShape(string source)
    {
        var width = Predict(new string[Entry.Inputs.Count].Select(_ => "check").ToList()).Length;
        if (width != Entry.Labels.Count)
            throw new InvalidDataException($"{source}: the model gives {width} scores but the manifest lists {Entry.Labels.Count} labels ({string.Join(", ", Entry.Labels)}).");
    }
}
