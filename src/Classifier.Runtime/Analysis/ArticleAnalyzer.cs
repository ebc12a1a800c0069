using Classifier.Models;
using Classifier.Text;

namespace Classifier.Analysis;

/// <summary>Tags articles and summarises them with a model bundle. Thread-safe: one instance serves any number of threads.</summary>
/// <example>
/// <code>
/// var analyzer = ArticleAnalyzer.Load("models");
/// var summary = analyzer.Summarize(File.ReadAllText("article.html"));
/// foreach (var highlight in summary.Highlights) Console.WriteLine(highlight.Text);
/// </code>
/// </example>
public sealed class ArticleAnalyzer
{
    private readonly ArticleReader _reader;
    private readonly TextClassifier _topic;
    private readonly TextClassifier _western;
    private readonly TextClassifier? _key;
    private readonly SalienceModel? _salience;
    private readonly int _otherIndex;

    internal ArticleAnalyzer(ModelManifest manifest, TextClassifier topic, TextClassifier western, TextClassifier? key, SalienceModel? salience, AnalyzerOptions? options)
    {
        Options = options ?? AnalyzerOptions.Default;
        ModelInputs.Check(topic.Entry.Inputs);
        ModelInputs.Check(western.Entry.Inputs);
        if (western.Labels.Count != 2)
            throw new InvalidDataException($"the Western model has {western.Labels.Count} labels; it must be binary.");
        if (key is not null)
        {
            ModelInputs.Check(key.Entry.Inputs);
            if (key.Labels.Count != 2)
                throw new InvalidDataException($"the key-sentence model has {key.Labels.Count} labels; it must be binary.");
        }

        Manifest = manifest;
        _topic = topic;
        _western = western;
        _key = key;
        _salience = salience;
        _reader = new ArticleReader(Options.Reader);
        _otherIndex = topic.Labels.ToList().IndexOf(Options.OtherLabel);
    }

    /// <summary>The options of this analyzer.</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>The manifest of the bundle the models came from.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The topic labels, in score order.</summary>
    public IReadOnlyList<string> TopicLabels => _topic.Labels;

    /// <summary>Loads the bundle in <paramref name="folder"/>. Load bundles only from trusted sources: a model file can run code.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">A model is missing, corrupted or incompatible; the message names the file.</exception>
    public static ArticleAnalyzer Load(string folder, AnalyzerOptions? options = null) => Load(ModelBundle.Load(folder), options);

    /// <summary>Makes an analyzer of a loaded bundle, which must hold a topic, a Western and a salience model.</summary>
    /// <exception cref="InvalidDataException">A model is missing or of the wrong kind.</exception>
    public static ArticleAnalyzer Load(ModelBundle bundle, AnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        options ??= AnalyzerOptions.Default;
        TextClassifier Require(string name) => bundle.Classifiers.TryGetValue(name, out var model)
            ? model
            : throw new InvalidDataException($"{bundle.Source}: the bundle has no '{name}' model (it has: {string.Join(", ", bundle.Manifest.Models.Keys)}).");
        var salience = bundle.Salience
            ?? throw new InvalidDataException($"{bundle.Source}: the bundle has no salience model (a model with task 'salience').");
        var key = bundle.Classifiers.GetValueOrDefault(options.KeySentenceModel);
        if (key is null && salience.ReadsKeySentences)
            throw new InvalidDataException($"{bundle.Source}: the salience model learned from a key-sentence model, but the bundle has no '{options.KeySentenceModel}' model (it has: {string.Join(", ", bundle.Manifest.Models.Keys)}).");
        try
        {
            return new ArticleAnalyzer(bundle.Manifest, Require(options.TopicModel), Require(options.WesternModel), key, salience, options);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{bundle.Source}: {error.Message}", error);
        }
    }

    /// <summary>Reads and tags one article.</summary>
    /// <param name="text">The article: plain text, Markdown or HTML (detected unless the reader options fix it).</param>
    public ArticleAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = _reader.Read(text);
        var work = new Work(this, document);
        return work.Finish(_topic.PredictBatch(work.TopicRows), _western.PredictBatch(work.WesternRows), PredictKeys(work.KeyRows));
    }

    // Key-sentence probabilities, or none without a key-sentence model.
    private float[][] PredictKeys(List<string[]> rows) => _key?.PredictBatch(rows) ?? [];

    /// <summary>Reads and tags many articles with batch predictions (faster per article than one at a time); the results
    /// are those <see cref="Analyze"/> gives.</summary>
    public IReadOnlyList<ArticleAnalysis> AnalyzeMany(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var works = texts.Select(t => new Work(this, _reader.Read(t ?? throw new ArgumentException("a text is null.", nameof(texts))))).ToList();
        var topics = _topic.PredictBatch([.. works.SelectMany(w => w.TopicRows)]);
        var western = _western.PredictBatch([.. works.SelectMany(w => w.WesternRows)]);
        var keys = PredictKeys([.. works.SelectMany(w => w.KeyRows)]);
        var results = new ArticleAnalysis[works.Count];
        int topicAt = 0, westernAt = 0, keyAt = 0;
        for (var i = 0; i < works.Count; i++)
        {
            var work = works[i];
            results[i] = work.Finish(topics.AsSpan(topicAt, work.TopicRows.Count).ToArray(), western.AsSpan(westernAt, work.WesternRows.Count).ToArray(),
                keys.AsSpan(keyAt, work.KeyRows.Count).ToArray());
            topicAt += work.TopicRows.Count;
            westernAt += work.WesternRows.Count;
            keyAt += work.KeyRows.Count;
        }

        return results;
    }

    /// <summary>Reads, tags and summarises one article.</summary>
    public ArticleSummary Summarize(string text, SummaryOptions? options = null) => Summarize(Analyze(text), options);

    /// <summary>Summarises an analysed article.</summary>
    public ArticleSummary Summarize(ArticleAnalysis analysis, SummaryOptions? options = null) =>
        Summarizer.Summarize(analysis, options ?? SummaryOptions.Default, Options.OtherLabel, _topic.Labels);

    // The rows one article needs predicted, and how the predictions become an analysis.
    private sealed class Work
    {
        private readonly ArticleAnalyzer _owner;
        private readonly ArticleDocument _document;
        private readonly List<TextBlock> _contentBlocks = [];
        private readonly List<(TextBlock Block, Sentence Sentence)> _westernSentences = [];

        public Work(ArticleAnalyzer owner, ArticleDocument document)
        {
            _owner = owner;
            _document = document;
            var inputs = new ModelInputs(document);
            foreach (var block in document.Blocks)
            {
                if (block.Kind == BlockKind.Heading)
                    continue;
                _contentBlocks.Add(block);
                TopicRows.Add(inputs.For(owner._topic.Entry.Inputs, block));
                if (block.IsBoilerplate)
                    continue;
                foreach (var sentence in block.Sentences)
                {
                    _westernSentences.Add((block, sentence));
                    WesternRows.Add(inputs.For(owner._western.Entry.Inputs, block, sentence));
                    if (owner._key is { } key)
                        KeyRows.Add(inputs.For(key.Entry.Inputs, block, sentence));
                }
            }
        }

        public List<string[]> TopicRows { get; } = [];

        public List<string[]> WesternRows { get; } = [];

        // Rows of the same sentences as WesternRows, for the key-sentence model (none without one).
        public List<string[]> KeyRows { get; } = [];

        public ArticleAnalysis Finish(float[][] topicScores, float[][] westernScores, float[][] keyScores)
        {
            var labels = _owner._topic.Labels;
            var other = _owner._otherIndex;
            var paragraphs = new List<ParagraphAnalysis>(_document.Blocks.Count);
            var byBlock = new Dictionary<int, (ParagraphAnalysis Paragraph, float[] Scores)>();
            var next = 0;
            foreach (var block in _document.Blocks)
            {
                if (block.Kind == BlockKind.Heading)
                {
                    paragraphs.Add(new ParagraphAnalysis(block, null, new Dictionary<string, float>()));
                    continue;
                }

                var scores = topicScores[next++];
                var decided = block.IsBoilerplate && other >= 0 ? other : _owner._topic.Decide(scores);
                var map = new Dictionary<string, float>(labels.Count, StringComparer.Ordinal);
                for (var i = 0; i < labels.Count; i++)
                    map[labels[i]] = scores[i];
                var paragraph = new ParagraphAnalysis(block, labels[decided], map);
                paragraphs.Add(paragraph);
                byBlock[block.Index] = (paragraph, scores);
            }

            // Western probability of each sentence; a sentence of an "other" block is never Western (the guide's rule).
            var western = new Dictionary<Sentence, float>(ReferenceEqualityComparer.Instance);
            var key = new Dictionary<Sentence, float>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _westernSentences.Count; i++)
            {
                western[_westernSentences[i].Sentence] = westernScores[i][1];
                if (keyScores.Length > 0)
                    key[_westernSentences[i].Sentence] = keyScores[i][1];
            }

            var candidates = new List<SalienceFeatures.Candidate>();
            int paragraphOrdinal = -1, sectionOrdinal = 0;
            foreach (var block in _document.Blocks)
            {
                if (block.Kind == BlockKind.Heading)
                {
                    sectionOrdinal++;
                    continue;
                }

                var (paragraph, scores) = byBlock[block.Index];
                if (!IsContent(paragraph))
                    continue;
                paragraphOrdinal++;
                foreach (var sentence in block.Sentences)
                {
                    candidates.Add(new SalienceFeatures.Candidate(block, sentence, paragraphOrdinal, sectionOrdinal,
                        other >= 0 ? scores[other] : 0, scores.Max(), western[sentence], key.GetValueOrDefault(sentence)));
                }
            }

            var (features, vectors) = SalienceFeatures.Compute(_document, candidates);
            var salience = _owner._salience?.Score(features) ?? new float[candidates.Count];
            var salienceOf = new Dictionary<Sentence, float>(ReferenceEqualityComparer.Instance);
            var vectorOf = new Dictionary<Sentence, Dictionary<string, double>>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < candidates.Count; i++)
            {
                salienceOf[candidates[i].Sentence] = salience[i];
                vectorOf[candidates[i].Sentence] = vectors[i];
            }

            var threshold = _owner._western.Entry.Threshold;
            foreach (var paragraph in paragraphs)
            {
                var content = paragraph.Topic is not null && IsContent(paragraph);
                paragraph.Sentences = [.. paragraph.Block.Sentences.Select(s =>
                {
                    var score = western.GetValueOrDefault(s);
                    var isCandidate = salienceOf.TryGetValue(s, out var value);
                    return new SentenceAnalysis(s, paragraph, content && score >= threshold, score, value, isCandidate);
                })];
            }

            Features = features;
            Candidates = candidates;
            return new ArticleAnalysis(_document, paragraphs, vectorOf);
        }

        // For training the salience model: the features of each candidate.
        public float[][] Features { get; private set; } = [];

        public List<SalienceFeatures.Candidate> Candidates { get; private set; } = [];

        private bool IsContent(ParagraphAnalysis paragraph) =>
            !paragraph.IsBoilerplate && paragraph.Topic != _owner.Options.OtherLabel;
    }

    /// <summary>For training: this analyzer's topic and Western models with another salience model.</summary>
    internal ArticleAnalyzer WithSalience(SalienceModel salience) => new(Manifest, _topic, _western, _key, salience, Options);

    /// <summary>For training: an analyzer without a salience model (salience is then 0).</summary>
    internal static ArticleAnalyzer ForTraining(TextClassifier topic, TextClassifier western, TextClassifier? key, AnalyzerOptions? options = null) =>
        new(new ModelManifest(), topic, western, key, null, options);

    /// <summary>For training: analyses <paramref name="document"/> and returns the salience features of its candidates.</summary>
    internal (ArticleAnalysis Analysis, IReadOnlyList<SalienceFeatures.Candidate> Candidates, float[][] Features) AnalyzeForTraining(ArticleDocument document)
    {
        var work = new Work(this, document);
        var analysis = work.Finish(_topic.PredictBatch(work.TopicRows), _western.PredictBatch(work.WesternRows), PredictKeys(work.KeyRows));
        return (analysis, work.Candidates, work.Features);
    }
}
