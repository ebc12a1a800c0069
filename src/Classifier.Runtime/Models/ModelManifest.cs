using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classifier.Models;

/// <summary>The <c>manifest.json</c> of a model bundle: what each model is, how it was trained and how well it did.</summary>
public sealed record ModelManifest
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The manifest's file name inside a bundle folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Schema version of this manifest; a bundle with another version is refused.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the bundle was trained (UTC, ISO 8601).</summary>
    public string Created { get; init; } = "";

    /// <summary>The Microsoft.ML version the models were saved with.</summary>
    public string MlNetVersion { get; init; } = "";

    /// <summary>The random seed of training.</summary>
    public int Seed { get; init; }

    /// <summary>A hash of the training data (for the default bundle, of <c>training-data/articles</c>).</summary>
    public string DataHash { get; init; } = "";

    /// <summary>Where the training data came from, in words.</summary>
    public string DataDescription { get; init; } = "";

    /// <summary>The models of the bundle by role: <c>topic</c>, <c>western</c>, <c>salience</c>, or any name for a custom model.</summary>
    public Dictionary<string, ModelEntry> Models { get; init; } = [];

    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a manifest and checks its schema version.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or of another schema version.</exception>
    public static ModelManifest Read(Stream stream, string source)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{source}: not a valid model manifest ({error.Message}).", error);
        }

        if (manifest is null)
            throw new InvalidDataException($"{source}: empty model manifest.");
        if (manifest.SchemaVersion != CurrentSchemaVersion)
            throw new InvalidDataException($"{source}: manifest schema version {manifest.SchemaVersion}; this library reads version {CurrentSchemaVersion}. Retrain the bundle or use a matching Classifier version.");
        return manifest;
    }

    /// <summary>Writes the manifest as indented JSON.</summary>
    public void Write(Stream stream) => JsonSerializer.Serialize(stream, this, JsonOptions);
}

/// <summary>One model of a bundle.</summary>
public sealed record ModelEntry
{
    /// <summary>The model's zip file, relative to the bundle folder.</summary>
    public string File { get; init; } = "";

    /// <summary><c>multiclass</c>, <c>binary</c> or <c>salience</c>.</summary>
    public string Task { get; init; } = "";

    /// <summary>The class labels in score order (for binary: negative, positive).</summary>
    public List<string> Labels { get; init; } = [];

    /// <summary>The named inputs, in the order of the model's text slots (for example <c>sentence</c>, <c>paragraph</c>).</summary>
    public List<string> Inputs { get; init; } = [];

    /// <summary><c>ngrams</c> (words and characters) or <c>subwords</c> (o200k tokens, encoded before the model).</summary>
    public string Featurizer { get; init; } = "";

    /// <summary>The trainer that won model selection.</summary>
    public string Trainer { get; init; } = "";

    /// <summary>How raw scores become calibrated probabilities.</summary>
    public Calibration Calibration { get; init; } = Calibration.None;

    /// <summary>For binary models, the calibrated probability at or above which the positive label is predicted.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Metrics on the held-out test split (accuracy, macroF1, f1, logLoss, ece…).</summary>
    public Dictionary<string, double> Metrics { get; init; } = [];

    /// <summary>Free-form training settings (folds, n-gram lengths, candidates compared).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];
}

/// <summary>A calibration map from raw model probabilities to calibrated ones.</summary>
/// <param name="Method"><c>none</c>, <c>temperature</c> (multiclass: softmax of log-probabilities over T) or <c>platt</c> (binary: sigmoid(A·logit + B)).</param>
/// <param name="Temperature">The temperature of <c>temperature</c>.</param>
/// <param name="A">The slope of <c>platt</c>.</param>
/// <param name="B">The intercept of <c>platt</c>.</param>
public sealed record Calibration(string Method, double Temperature = 1, double A = 1, double B = 0)
{
    /// <summary>Leaves probabilities as the model gives them.</summary>
    public static Calibration None { get; } = new("none");

    /// <summary>Calibrates <paramref name="probabilities"/> in place (they sum to 1 before and after).</summary>
    public void Apply(Span<float> probabilities)
    {
        const double floor = 1e-7;
        switch (Method)
        {
            case "temperature" when probabilities.Length > 0:
                var max = double.NegativeInfinity;
                Span<double> logits = stackalloc double[probabilities.Length];
                for (var i = 0; i < probabilities.Length; i++)
                {
                    logits[i] = Math.Log(Math.Max(probabilities[i], floor)) / Temperature;
                    max = Math.Max(max, logits[i]);
                }

                double sum = 0;
                for (var i = 0; i < logits.Length; i++)
                    sum += logits[i] = Math.Exp(logits[i] - max);
                for (var i = 0; i < logits.Length; i++)
                    probabilities[i] = (float)(logits[i] / sum);
                break;

            case "platt" when probabilities.Length == 2:
                var p = Math.Clamp(probabilities[1], floor, 1 - floor);
                var calibrated = 1 / (1 + Math.Exp(-(A * Math.Log(p / (1 - p)) + B)));
                probabilities[1] = (float)calibrated;
                probabilities[0] = (float)(1 - calibrated);
                break;
        }
    }
}
