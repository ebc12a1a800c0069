using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Classifier.Models;

/// <summary>Prediction engines of one model for many threads: <see cref="PredictionEngine{TSrc, TDst}"/> is not
/// thread-safe, so each call borrows an engine and gives it back (at most one engine per concurrent caller is ever made).</summary>
internal sealed class EnginePool<TInput, TOutput>(MLContext ml, ITransformer model, SchemaDefinition? inputSchema = null)
    where TInput : class
    where TOutput : class, new()
{
    private readonly ConcurrentBag<PredictionEngine<TInput, TOutput>> _engines = [];

    /// <summary>Runs <paramref name="use"/> with an engine no other thread holds meanwhile.</summary>
    public TResult Use<TResult>(Func<PredictionEngine<TInput, TOutput>, TResult> use)
    {
        if (!_engines.TryTake(out var engine))
            engine = ml.Model.CreatePredictionEngine<TInput, TOutput>(model, inputSchemaDefinition: inputSchema);
        try
        {
            return use(engine);
        }
        finally
        {
            _engines.Add(engine);
        }
    }
}
