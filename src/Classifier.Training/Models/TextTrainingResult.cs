using Classifier.Models;
using Classifier.Training.Evaluation;

namespace Classifier.Training.Models;

/// <summary>One featurizer and trainer pair, scored by cross-validation.</summary>
public sealed record CandidateResult(string Featurizer, string Trainer, IReadOnlyList<double> FoldMacroF1, double Seconds)
{
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
    double FitSeconds);
