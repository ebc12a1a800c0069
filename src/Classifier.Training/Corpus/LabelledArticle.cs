using Classifier.Text;

namespace Classifier.Training.Corpus;

/// <summary>An article whose labels have been matched to the blocks and sentences the reader finds.</summary>
public sealed record LabelledArticle(CorpusArticle Source, ArticleDocument Document, IReadOnlyList<LabelledParagraph> Paragraphs)
{
    /// <summary>The article's id.</summary>
    public string Id => Source.Id;

    /// <summary>train, dev or test.</summary>
    public string Split => Source.Split;
}

/// <summary>A paragraph or bullet with its topic; <see cref="Index"/> is the block's index in the document.</summary>
public sealed record LabelledParagraph(int Index, TextBlock Block, string Topic, IReadOnlyList<LabelledSentence> Sentences)
{
    /// <summary>The paragraph's text.</summary>
    public string Text => Block.Text;

    /// <summary>Whether its sentences may be key sentences (<see cref="CorpusLabels.MayHoldKeySentences"/>).</summary>
    public bool MayHoldKeySentences => CorpusLabels.MayHoldKeySentences(Block.Kind, Topic);
}

/// <summary>A sentence with its Western-relevance flag and whether it is a key sentence (one an editor would lift as a
/// highlight).</summary>
public sealed record LabelledSentence(int Index, Sentence Sentence, bool Western, bool Key = false)
{
    /// <summary>The sentence's text.</summary>
    public string Text => Sentence.Text;
}
