using Classifier.Text;

namespace Classifier.Training.Corpus;

/// <summary>The labelled corpus of a <c>training-data</c> folder: every article file read, checked and aligned.</summary>
public sealed class TrainingCorpus
{
    /// <summary>The folder of article files inside a training-data folder.</summary>
    public const string ArticlesFolder = "articles";

    private TrainingCorpus(string root, IReadOnlyList<LabelledArticle> articles, IReadOnlyList<CorpusIssue> issues, string dataHash)
    {
        Root = root;
        Articles = articles;
        Issues = issues;
        DataHash = dataHash;
    }

    /// <summary>The training-data folder.</summary>
    public string Root { get; }

    /// <summary>The articles that parsed and aligned, ordered by id.</summary>
    public IReadOnlyList<LabelledArticle> Articles { get; }

    /// <summary>Problems found while reading; an empty list means every file was read and aligned.</summary>
    public IReadOnlyList<CorpusIssue> Issues { get; }

    /// <summary>Whether the corpus marks key sentences (<c>K:</c> lines). They are optional: without them the salience
    /// model learns from the ROUGE oracle and the bundle has no key-sentence model.</summary>
    public bool MarksKeySentences => Articles.Any(a => a.Paragraphs.Any(p => p.Sentences.Any(s => s.Key)));

    /// <summary>SHA-256 over every article file's name and bytes, in name order: what a model's manifest records.</summary>
    public string DataHash { get; }

    /// <summary>Reads every <c>articles/*.txt</c> below <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder or its articles folder is missing.</exception>
    public static TrainingCorpus Load(string root, ArticleReader? reader = null)
    {
        var folder = Path.Combine(root, ArticlesFolder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: no articles folder (expected {ArticlesFolder}/*.txt below the training-data folder).");

        reader ??= ArticleReader.Default;
        var files = Directory.GetFiles(folder, "*.txt").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        var issues = new List<CorpusIssue>();
        var articles = new LabelledArticle?[files.Count];
        var perFileIssues = new List<CorpusIssue>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            perFileIssues[i] = [];
            try
            {
                articles[i] = CorpusAligner.Align(CorpusArticleParser.Load(files[i]), reader, perFileIssues[i]);
            }
            catch (CorpusFormatException error)
            {
                perFileIssues[i].Add(error.Issue);
            }
        });

        foreach (var list in perFileIssues)
            issues.AddRange(list);

        return new TrainingCorpus(root, [.. articles.OfType<LabelledArticle>()], issues, Training.DataHash.OfFiles(files));
    }

    /// <summary>The hash <see cref="DataHash"/> would have for the corpus below <paramref name="root"/>, without reading labels.</summary>
    public static string ComputeDataHash(string root) =>
        Training.DataHash.OfFiles(Directory.GetFiles(Path.Combine(root, ArticlesFolder), "*.txt").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList());}
