using System.IO.Compression;
using Classifier.Text;
using Microsoft.ML;

namespace Classifier.Models;

/// <summary>A trained text model with its manifest entry: gives calibrated class probabilities. Thread-safe.</summary>
public sealed class TextClassifier
{
    // The zip entry that holds a tf-idf model's vocabulary, beside ML.NET's own entries.
    private const string FeaturizerEntry = "Classifier/tfidf.bin";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    // A model of ML.NET's featurizers takes text; a tf-idf model takes the vector this library computes, and a linear one
    // of those is scored here from its weights (a prediction engine costs more than the arithmetic) once a check against
    // the engine agrees.
    private readonly EnginePool<TextModelInput, TextModelOutput>? _textEngines;
    private readonly TfidfFeaturizer? _tfidf;
    private readonly EnginePool<VectorModelInput, TextModelOutput>? _vectorEngines;
    private readonly LinearScorer? _linear;

    private TextClassifier(MLContext ml, ITransformer model, ModelEntry entry, TfidfFeaturizer? tfidf)
    {
        _ml = ml;
        _model = model;
        Entry = entry;
        _tfidf = tfidf;
        if (tfidf is null)
        {
            _textEngines = new(ml, model);
            return;
        }

        _vectorEngines = new(ml, model, VectorModelInput.Schema(tfidf.Dimension));
        var linear = LinearScorer.TryCreate(model, tfidf.Dimension);
        _linear = linear is not null && linear.Agrees(EngineScore) ? linear : null;
    }

    /// <summary>The manifest entry: labels, inputs, calibration, threshold.</summary>
    public ModelEntry Entry { get; }

    /// <summary>The class labels in probability order.</summary>
    public IReadOnlyList<string> Labels => Entry.Labels;

    /// <summary>Wraps an in-memory model (as training produces it).</summary>
    public static TextClassifier Create(MLContext ml, ITransformer model, ModelEntry entry) => Create(ml, model, entry, null);

    /// <summary>Wraps an in-memory model of this library's tf-idf vectors.</summary>
    internal static TextClassifier Create(MLContext ml, ITransformer model, ModelEntry entry, TfidfFeaturizer? tfidf)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(entry);
        if (TfidfFeaturizer.Serves(entry.Featurizer) != (tfidf is not null))
            throw new ArgumentException($"featurizer '{entry.Featurizer}' and the featurizer object given do not agree.", nameof(tfidf));
        return new TextClassifier(ml, model, entry, tfidf);
    }

    /// <summary>Loads a model zip. Load models only from trusted sources: a model file can run code when it is loaded.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of the expected shape.</exception>
    public static TextClassifier Load(MLContext ml, Stream zip, ModelEntry entry, string source)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        zip.CopyTo(buffer);
        TfidfFeaturizer? tfidf = null;
        ITransformer model;
        try
        {
            if (TfidfFeaturizer.Serves(entry.Featurizer))
                tfidf = ReadFeaturizer(buffer, source);
            buffer.Position = 0;
            model = ml.Model.Load(buffer, out _);
        }
        catch (Exception error) when (error is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException($"{source}: cannot load the model ({error.Message}). Is the file truncated or not an ML.NET model?", error);
        }

        if (tfidf is not null && tfidf.Slots != entry.Inputs.Count)
            throw new InvalidDataException($"{source}: the featurizer reads {tfidf.Slots} inputs but the manifest lists {entry.Inputs.Count} ({string.Join(", ", entry.Inputs)}).");
        var classifier = new TextClassifier(ml, model, entry, tfidf);
        classifier.CheckShape(source);
        return classifier;
    }

    /// <summary>Saves the model zip (for a tf-idf model, with its vocabulary inside).</summary>
    public void Save(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var buffer = new MemoryStream();
        _ml.Model.Save(_model, null, buffer);
        if (_tfidf is not null)
        {
            using var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true);
            using var stream = archive.CreateEntry(FeaturizerEntry, CompressionLevel.Optimal).Open();
            _tfidf.Write(stream);
        }

        buffer.Position = 0;
        buffer.CopyTo(zip);
    }

    /// <summary>Calibrated probabilities for one row of slot texts, in <see cref="Labels"/> order.</summary>
    public float[] Predict(IReadOnlyList<string> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        // One row takes the batch path, so that one row and a batch give the same bits.
        var probabilities = PredictRawBatch([slots])[0];
        Entry.Calibration.Apply(probabilities);
        return probabilities;
    }

    /// <summary>Calibrated probabilities for many rows at once: the fast path for batches (rows that share a context slot,
    /// such as the sentences of one paragraph, featurize it once).</summary>
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

        if (_tfidf is not null)
            return PredictTfidf(_tfidf, rows);

        // A Transform pass costs a few milliseconds to set up: below some rows, engines are faster.
        if (rows.Count < 64)
            return [.. rows.Select(r => Normalize(_textEngines!.Use(engine => engine.Predict(TextModelInput.FromSlots(Encode(r))).Score)))];

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

    private float[][] PredictTfidf(TfidfFeaturizer tfidf, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (tfidf.JoinInputs)
            return [.. rows.Select(r => Score(tfidf.Featurize(r)))];

        // Each slot's part of the vector depends only on its own text: a context shared by many rows is featurized once,
        // and for a linear model its margins are computed once too.
        var vectors = Enumerable.Range(0, tfidf.Slots).Select(_ => new Dictionary<string, SparseVector>(StringComparer.Ordinal)).ToArray();
        var margins = Enumerable.Range(0, tfidf.Slots).Select(_ => new Dictionary<string, double[]>(StringComparer.Ordinal)).ToArray();
        var parts = new SparseVector[tfidf.Slots];
        var result = new float[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            if (_linear is not null)
            {
                var sum = new double[Labels.Count];
                for (var slot = 0; slot < tfidf.Slots; slot++)
                {
                    var text = SlotText(rows[r], slot);
                    if (!margins[slot].TryGetValue(text, out var part))
                        margins[slot][text] = part = _linear.Margins(tfidf.FeaturizeSlot(slot, text));
                    for (var c = 0; c < sum.Length; c++)
                        sum[c] += part[c];
                }

                result[r] = _linear.Probabilities(sum);
                continue;
            }

            for (var slot = 0; slot < parts.Length; slot++)
            {
                var text = SlotText(rows[r], slot);
                if (!vectors[slot].TryGetValue(text, out parts[slot]))
                    vectors[slot][text] = parts[slot] = tfidf.FeaturizeSlot(slot, text);
            }

            result[r] = Score(SparseVector.Concat(parts));
        }

        return result;
    }

    private static string SlotText(IReadOnlyList<string> row, int slot) => slot < row.Count ? row[slot] ?? "" : "";

    private float[] Score(SparseVector features) => _linear is not null ? _linear.Probabilities(features) : EngineScore(features);

    private float[] EngineScore(SparseVector features) =>
        Normalize(_vectorEngines!.Use(engine => engine.Predict(new VectorModelInput { Features = features.ToVBuffer(_tfidf!.Dimension) }).Score));

    /// <summary>Whether probabilities come from the weights directly (the fast path) rather than an ML.NET engine.</summary>
    internal bool ScoresFromWeights => _linear is not null;

    private static TfidfFeaturizer ReadFeaturizer(MemoryStream buffer, string source)
    {
        using var archive = OpenZip(buffer, source);
        var entry = archive.GetEntry(FeaturizerEntry)
            ?? throw new InvalidDataException($"{source}: the manifest says featurizer 'tfidf' but the zip has no {FeaturizerEntry}.");
        using var stream = new MemoryStream();
        using (var compressed = entry.Open())
            compressed.CopyTo(stream);
        stream.Position = 0;
        return TfidfFeaturizer.Read(stream, $"{source}!{FeaturizerEntry}");
    }

    private static ZipArchive OpenZip(MemoryStream buffer, string source)
    {
        buffer.Position = 0;
        try
        {
            return new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{source}: cannot load the model ({error.Message}). Is the file truncated or not an ML.NET model?", error);
        }
    }

    private IReadOnlyList<string> Encode(IReadOnlyList<string> slots) =>
        Entry.Featurizer == "subwords" ? slots.Select(SubwordEncoder.Encode).ToList() : slots;

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
