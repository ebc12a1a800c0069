using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Classifier.Models;

/// <summary>The class probabilities of a maximum-entropy model computed from its weights: softmax(W·x + b), what the
/// model's prediction engine computes, without the engine's cost per row.</summary>
internal sealed class LinearScorer
{
    // Dense rows of weights, one per class: sparse features index straight into them.
    private readonly float[][] _weights;
    private readonly float[] _biases;

    private LinearScorer(float[][] weights, float[] biases)
    {
        _weights = weights;
        _biases = biases;
    }

    /// <summary>A scorer for <paramref name="model"/> when its last step is a maximum-entropy predictor over
    /// <paramref name="dimension"/> features; otherwise null (the caller then uses a prediction engine).</summary>
    public static LinearScorer? TryCreate(ITransformer model, int dimension)
    {
        var last = model is TransformerChain<ITransformer> chain ? chain.LastTransformer : model;
        if (last is not MulticlassPredictionTransformer<MaximumEntropyModelParameters> predictor)
            return null;

        VBuffer<float>[] weights = [];
        predictor.Model.GetWeights(ref weights, out var classes);
        var biases = predictor.Model.GetBiases().ToArray();
        if (classes != biases.Length || weights.Any(w => w.Length != dimension))
            return null;

        var dense = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            dense[c] = new float[dimension];
            weights[c].CopyTo(dense[c]);
        }

        return new LinearScorer(dense, biases);
    }

    /// <summary>Class probabilities of one feature vector.</summary>
    public float[] Probabilities(SparseVector features)
    {
        var scores = new double[_weights.Length];
        var max = double.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            var row = _weights[c];
            double sum = _biases[c];
            for (var i = 0; i < features.Indices.Length; i++)
                sum += row[features.Indices[i]] * features.Values[i];
            scores[c] = sum;
            max = Math.Max(max, sum);
        }

        double total = 0;
        for (var c = 0; c < scores.Length; c++)
            total += scores[c] = Math.Exp(scores[c] - max);
        var probabilities = new float[scores.Length];
        for (var c = 0; c < scores.Length; c++)
            probabilities[c] = (float)(scores[c] / total);
        return probabilities;
    }
}
