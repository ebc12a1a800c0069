using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Classifier.Models;

/// <summary>Class probabilities of a linear model computed from its weights, without a prediction engine's cost per row:
/// softmax(W·x + b) for maximum entropy, or per-class Platt sigmoids of w·x + b, normalised to sum to one, for
/// one-versus-all over calibrated linear binaries (SVM, perceptron).</summary>
/// <remarks>ML.NET exposes the one-versus-all sub-models only through private fields, so <see cref="TryCreate"/> reads
/// them by reflection and <see cref="Agrees"/> checks the result against the engine; a caller keeps the engine when
/// either fails (an ML.NET upgrade then costs speed, never correctness).</remarks>
internal sealed class LinearScorer
{
    // Weights feature by feature (all classes of one feature side by side), so that a sparse feature costs one cache
    // line, not one per class: the tables are larger than the caches and each feature is a random access.
    private readonly float[] _weights;
    private readonly int _classes;
    private readonly float[] _biases;

    // For one-versus-all: each class's Platt sigmoid; null for softmax.
    private readonly (double Slope, double Offset)[]? _platt;

    private LinearScorer(float[][] weights, float[] biases, (double Slope, double Offset)[]? platt)
    {
        _classes = weights.Length;
        var dimension = weights[0].Length;
        _weights = new float[dimension * _classes];
        for (var c = 0; c < _classes; c++)
        {
            for (var f = 0; f < dimension; f++)
                _weights[f * _classes + c] = weights[c][f];
        }

        _biases = biases;
        _platt = platt;
    }

    /// <summary>A scorer for <paramref name="model"/> over <paramref name="dimension"/> features, or null when its last step
    /// is not a linear model this class can read.</summary>
    public static LinearScorer? TryCreate(ITransformer model, int dimension)
    {
        // A trained chain is typed by its last step, a loaded one is a chain of ITransformer: both enumerate their steps.
        var last = model is IEnumerable<ITransformer> chain ? chain.LastOrDefault() : model;
        try
        {
            return last switch
            {
                MulticlassPredictionTransformer<MaximumEntropyModelParameters> maxent => FromMaximumEntropy(maxent.Model, dimension),
                MulticlassPredictionTransformer<OneVersusAllModelParameters> ova => FromOneVersusAll(ova.Model, dimension),
                _ => null,
            };
        }
        catch (Exception error) when (error is InvalidCastException or NullReferenceException or TargetException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether this scorer gives what <paramref name="engine"/> gives on a few deterministic sparse vectors.</summary>
    public bool Agrees(Func<SparseVector, float[]> engine)
    {
        var dimension = _weights.Length / _classes;
        var random = new Random(17);
        for (var probe = 0; probe < 8; probe++)
        {
            var count = Math.Min(dimension, 1 + probe * 7);
            var indices = Enumerable.Range(0, count).Select(_ => random.Next(dimension)).Distinct().Order().ToArray();
            var vector = new SparseVector(indices, [.. indices.Select(_ => (float)random.NextDouble())]);
            var expected = engine(vector);
            var actual = Probabilities(vector);
            if (expected.Length != actual.Length || expected.Zip(actual).Any(p => Math.Abs(p.First - p.Second) > 1e-4))
                return false;
        }

        return true;
    }

    /// <summary>Class probabilities of one feature vector.</summary>
    public float[] Probabilities(SparseVector features) => Probabilities(Margins(features));

    /// <summary>Each class's weights times <paramref name="features"/>, without the bias: the margins of a vector's parts
    /// add up to the margins of the whole, so a part shared by many rows is multiplied once.</summary>
    public double[] Margins(SparseVector features)
    {
        var margins = new double[_classes];
        for (var i = 0; i < features.Indices.Length; i++)
        {
            var at = features.Indices[i] * _classes;
            var value = features.Values[i];
            for (var c = 0; c < margins.Length; c++)
                margins[c] += _weights[at + c] * value;
        }

        return margins;
    }

    /// <summary>Class probabilities from the summed margins of a vector's parts.</summary>
    public float[] Probabilities(ReadOnlySpan<double> margins)
    {
        var scores = new double[_classes];
        for (var c = 0; c < scores.Length; c++)
            scores[c] = margins[c] + _biases[c];

        double total = 0;
        if (_platt is null)
        {
            var max = scores.Max();
            for (var c = 0; c < scores.Length; c++)
                total += scores[c] = Math.Exp(scores[c] - max);
        }
        else
        {
            for (var c = 0; c < scores.Length; c++)
                total += scores[c] = 1 / (1 + Math.Exp(_platt[c].Slope * scores[c] + _platt[c].Offset)); // ML.NET's Platt form
        }

        var probabilities = new float[_classes];
        for (var c = 0; c < scores.Length; c++)
            probabilities[c] = total > 0 ? (float)(scores[c] / total) : 1f / scores.Length;
        return probabilities;
    }

    private static LinearScorer? FromMaximumEntropy(MaximumEntropyModelParameters model, int dimension)
    {
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var classes);
        var biases = model.GetBiases().ToArray();
        if (classes != biases.Length || weights.Any(w => w.Length != dimension))
            return null;

        var dense = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            dense[c] = new float[dimension];
            weights[c].CopyTo(dense[c]);
        }

        return new LinearScorer(dense, biases, null);
    }

    private static LinearScorer? FromOneVersusAll(OneVersusAllModelParameters model, int dimension)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var implementation = typeof(OneVersusAllModelParameters).GetField("_impl", Private)?.GetValue(model);
        if (implementation?.GetType().GetField("_mappers", Private)?.GetValue(implementation) is not Array mappers)
            return null;

        var weights = new float[mappers.Length][];
        var biases = new float[mappers.Length];
        var platt = new (double, double)[mappers.Length];
        for (var c = 0; c < mappers.Length; c++)
        {
            // Typed by interfaces when trained, by concrete classes when loaded: match on the untyped base.
            if (mappers.GetValue(c) is not CalibratedModelParametersBase { SubModel: LinearBinaryModelParameters linear, Calibrator: PlattCalibrator calibrator }
                || linear.Weights.Count != dimension)
                return null;
            weights[c] = [.. linear.Weights];
            biases[c] = linear.Bias;
            platt[c] = (calibrator.Slope, calibrator.Offset);
        }

        return new LinearScorer(weights, biases, platt);
    }
}
