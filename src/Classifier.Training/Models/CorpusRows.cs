using Classifier.Analysis;
using Classifier.Training.Corpus;
using Classifier.Training.Data;

namespace Classifier.Training.Models;

/// <summary>Turns the labelled corpus into rows for the topic and Western models, with the context each one sees.</summary>
public static class CorpusRows
{
    /// <summary>The topic model reads the paragraph.</summary>
    public static IReadOnlyList<string> TopicInputs { get; } = [ModelInputs.Paragraph];

    /// <summary>The Western model reads the sentence, its paragraph, the heading above it, and the article's title and
    /// opening paragraph.</summary>
    /// <remarks>The opening tells whose story it is: the guide flags a Western company's own results even where the sentence
    /// names no country. The heading tells a "Why it matters to the West" section from the rest.</remarks>
    public static IReadOnlyList<string> WesternInputs { get; } = [ModelInputs.Sentence, ModelInputs.Paragraph, ModelInputs.Section, ModelInputs.Lede];

    /// <summary>The key-sentence model reads the sentence alone: what it says, not where it sits (the salience model has
    /// the position).</summary>
    public static IReadOnlyList<string> KeyInputs { get; } = [ModelInputs.Sentence];

    /// <summary>One row per labelled paragraph or bullet; the article id is the group.</summary>
    public static List<LabelledRow> Topic(TrainingCorpus corpus) =>
        [.. corpus.Articles.SelectMany(a =>
        {
            var inputs = new ModelInputs(a.Document);
            return a.Paragraphs.Select(p => new LabelledRow(inputs.For(TopicInputs, p.Block), p.Topic, a.Split, a.Id, p.Index));
        })];

    /// <summary>One row per sentence of a labelled paragraph; label "1" for Western, "0" otherwise.</summary>
    public static List<LabelledRow> Western(TrainingCorpus corpus) =>
        [.. corpus.Articles.SelectMany(a =>
        {
            var inputs = new ModelInputs(a.Document);
            return a.Paragraphs.SelectMany(p => p.Sentences.Select(s =>
                new LabelledRow(inputs.For(WesternInputs, p.Block, s.Sentence), s.Western ? "1" : "0", a.Split, a.Id, p.Index)));
        })];

    /// <summary>One row per sentence of a body paragraph (not a bullet, not other), label "1" for a key sentence; dev
    /// articles count as train, so cross-validation gives every non-test sentence an out-of-fold probability for the
    /// salience model to learn from.</summary>
    public static List<LabelledRow> Key(TrainingCorpus corpus) =>
        [.. corpus.Articles.SelectMany(a =>
        {
            var inputs = new ModelInputs(a.Document);
            var split = a.Split == "dev" ? "train" : a.Split;
            return a.Paragraphs.Where(p => p.MayHoldKeySentences)
                .SelectMany(p => p.Sentences.Select(s => new LabelledRow(inputs.For(KeyInputs, p.Block, s.Sentence), s.Key ? "1" : "0", split, a.Id, p.Index)));
        })];
}
