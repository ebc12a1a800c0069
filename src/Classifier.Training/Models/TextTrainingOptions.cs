namespace Classifier.Training.Models;

/// <summary>What <see cref="TextClassifierTrainer"/> compares and how.</summary>
public sealed record TextTrainingOptions
{
    /// <summary>The featurizers compared by default: this library's fast word and character n-gram tf-idf (<c>tfidf</c>:
    /// character 2–5-grams; <c>tfidf3</c>: 3–5, a quarter fewer n-grams), the same with word n-grams only (<c>words</c>,
    /// several times faster), ML.NET's word and character n-grams, or o200k sub-word tokens through ML.NET's word n-grams.</summary>
    public static IReadOnlyList<string> AllFeaturizers { get; } = ["tfidf", "tfidf3", "words", "ngrams", "subwords"];

    /// <summary>Every featurizer this trainer knows: <see cref="AllFeaturizers"/> and <c>tfidf3p</c>, <c>tfidf3</c> with the
    /// second input slot read by words only, for a model whose second input repeats the first's text (the Western model's
    /// paragraph). It is not compared by default: with one text column it is <c>tfidf3</c> again.</summary>
    public static IReadOnlyList<string> KnownFeaturizers { get; } = [.. AllFeaturizers, "tfidf3p"];

    /// <summary>Every trainer this trainer knows.</summary>
    public static IReadOnlyList<string> AllTrainers { get; } = ["sdca", "lbfgs", "svm", "perceptron", "fasttree"];

    /// <summary>Featurizers to compare.</summary>
    public IReadOnlyList<string> Featurizers { get; init; } = AllFeaturizers;

    /// <summary>Trainers to compare, as <see cref="TrainerSpec"/> specs: <c>svm</c> (every L2 of its default grid),
    /// <c>svm:l2=2e-4</c> (one penalty) or <c>svm:l2=1e-4/3e-4</c> (several). Each featurizer × trainer × penalty is one
    /// cross-validation candidate.</summary>
    public IReadOnlyList<string> Trainers { get; init; } = AllTrainers;

    /// <summary>Cross-validation folds on the training split.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>How many folds are cross-validated at once (each fold's trainers run one after the other, each with its own
    /// seeded context, so the results do not depend on it); by default one per processor.</summary>
    public int MaxParallelFolds { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of every random choice (fold assignment, trainers).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>For a two-label task, the positive label; by default "1", "true", "yes" or the rarer label.</summary>
    public string? PositiveLabel { get; init; }

    /// <summary>Whether several text inputs are featurized as one text (one vocabulary: right for the fields of one record, such
    /// as a title and its body) or each apart (right for a sentence and its context, which mean different things).</summary>
    public bool JoinInputs { get; init; } = true;

    /// <summary>Whether to fit the final model on train and dev together (dev is otherwise unused by cross-validation).</summary>
    public bool FitFinalOnTrainAndDev { get; init; } = true;
}
