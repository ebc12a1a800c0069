namespace Classifier.Training.Evaluation;

/// <summary>ROUGE F1 scores in percent (0 to 100), of one summary or averaged over documents.</summary>
/// <param name="Rouge1">F1 of clipped unigram overlap.</param>
/// <param name="Rouge2">F1 of clipped bigram overlap.</param>
/// <param name="RougeL">F1 of the longest common subsequence of the whole summary and the whole reference.</param>
public sealed record RougeScores(double Rouge1, double Rouge2, double RougeL)
{
    /// <summary>All three scores zero: what an empty summary, or an empty set of documents, gets.</summary>
    public static RougeScores Zero { get; } = new(0, 0, 0);
}
