using Classifier.Models;
using Classifier.Training.Data;
using Classifier.Training.Evaluation;

namespace Classifier.Training.Models;

/// <summary>One featurizer, trainer and penalty, scored by cross-validation.</summary>
/// <param name="Featurizer">The featurizer's name.</param>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="L2">The trainer's L2 penalty; null for a trainer without one.</param>
/// <param name="FoldMacroF1">Macro-F1 of each fold, in fold order.</param>
/// <param name="Seconds">Time spent fitting and scoring this candidate over all folds (the featurizer's own fit, shared by
/// every candidate of a fold, is not in it), summed over folds that may have run in parallel.</param>
public sealed record CandidateResult(string Featurizer, string Trainer, double? L2, IReadOnlyList<double> FoldMacroF1, double Seconds)
{
    /// <summary>The trainer and penalty as <c>--trainers</c> takes them: <c>svm:l2=2e-4</c>, or the bare name.</summary>
    public string Spec => new TrainerSpec(Trainer, L2).ToString();

    /// <summary>The candidate as reports and the manifest name it: <c>tfidf+svm:l2=2e-4</c>.</summary>
    public string Name => $"{Featurizer}+{Spec}";

    /// <summary>Mean macro-F1 over folds.</summary>
    public double Mean => FoldMacroF1.Average();

    /// <summary>Standard deviation of macro-F1 over folds.</summary>
    public double Spread => Math.Sqrt(FoldMacroF1.Average(f => (f - Mean) * (f - Mean)));
}

/// <summary>What training produced: the chosen model, every candidate's score, and held-out metrics.</summary>
public sealed record TextTrainingResult(
    TextClassifier Model,
    IReadOnlyList<CandidateResult> Candidates,
    CandidateResult Best,
    double OutOfFoldEceBefore,
    double OutOfFoldEceAfter,
    ClassificationMetrics? TestUncalibrated,
    ClassificationMetrics? Test,
    int TrainRows,
    int TestRows,
    double FitSeconds,
    double CrossValidationSeconds)
{
    /// <summary>Each training row (split train) with the calibrated probabilities the chosen candidate gave it in
    /// cross-validation, from a model that did not see it: what a model stacked on this one can learn from.</summary>
    public IReadOnlyList<(LabelledRow Row, float[] Probabilities)> OutOfFold { get; init; } = [];
}
