using Classifier.Training.Corpus;
using Classifier.Training.Data;

namespace Classifier.Training.Models;

/// <summary>Turns the labelled corpus into rows for the topic and Western models, with the context each one sees.</summary>
public static class CorpusRows
{
    /// <summary>The topic model reads the paragraph.</summary>
    public static IReadOnlyList<string> TopicInputs { get; } = ["paragraph"];

    /// <summary>The Western model reads the sentence, its paragraph, and the article's title and opening paragraph.</summary>
    /// <remarks>The opening tells whose story it is: the guide flags a Western company's own results even where the sentence
    /// names no country.</remarks>
    public static IReadOnlyList<string> WesternInputs { get; } = ["sentence", "paragraph", "lede"];

    /// <summary>One row per labelled paragraph or bullet; the article id is the group.</summary>
    public static List<LabelledRow> Topic(TrainingCorpus corpus) =>
        [.. corpus.Articles.SelectMany(a => a.Paragraphs.Select(p => new LabelledRow([p.Text], p.Topic, a.Split, a.Id, p.Index)))];

    /// <summary>One row per sentence of a labelled paragraph; label "1" for Western, "0" otherwise.</summary>
    public static List<LabelledRow> Western(TrainingCorpus corpus) =>
        [.. corpus.Articles.SelectMany(a =>
        {
            var lede = Lede(a.Document);
            return a.Paragraphs.SelectMany(p => p.Sentences.Select(s =>
                new LabelledRow([s.Text, p.Text, lede], s.Western ? "1" : "0", a.Split, a.Id, p.Index)));
        })];

    /// <summary>The title and the first substantive paragraph of a document: the article's subject.</summary>
    public static string Lede(Classifier.Text.ArticleDocument document)
    {
        var first = document.Blocks.FirstOrDefault(b => b.Kind == Classifier.Text.BlockKind.Paragraph && !b.IsBoilerplate);
        return $"{document.Title}\n{first?.Text}";
    }
}
