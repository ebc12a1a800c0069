using Classifier.Text;

namespace Classifier.Analysis;

/// <summary>The context a text model reads, by the input names a manifest lists: what each text slot holds.</summary>
/// <remarks>Training and prediction build inputs here alike, so a model sees at run time exactly what it learned from.</remarks>
public sealed class ModelInputs
{
    /// <summary>The sentence itself.</summary>
    public const string Sentence = "sentence";

    /// <summary>The paragraph or bullet the sentence is in (for a paragraph model, the paragraph).</summary>
    public const string Paragraph = "paragraph";

    /// <summary>The nearest heading above the paragraph ("Why It Matters to the West"), or empty.</summary>
    public const string Section = "section";

    /// <summary>The article's title and first substantive paragraph: whose story it is.</summary>
    public const string Lede = "lede";

    /// <summary>Every input name this library can fill.</summary>
    public static IReadOnlyList<string> Known { get; } = [Sentence, Paragraph, Section, Lede];

    private readonly ArticleDocument _document;
    private readonly string[] _sections;
    private string? _lede;

    /// <summary>Prepares the context of <paramref name="document"/>.</summary>
    public ModelInputs(ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        _sections = new string[document.Blocks.Count];
        var heading = "";
        foreach (var block in document.Blocks)
        {
            if (block.Kind == BlockKind.Heading && !block.IsBoilerplate)
                heading = block.Text;
            _sections[block.Index] = heading;
        }
    }

    /// <summary>The title and first substantive paragraph of the document.</summary>
    public string LedeText => _lede ??= BuildLede();

    /// <summary>The slot values of <paramref name="inputs"/> for a paragraph, or for a sentence of it.</summary>
    /// <exception cref="ArgumentException">An input name this library does not know.</exception>
    public string[] For(IReadOnlyList<string> inputs, TextBlock block, Sentence? sentence = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(block);
        var values = new string[inputs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = inputs[i] switch
            {
                Sentence => sentence?.Text ?? block.Text,
                Paragraph => block.Text,
                Section => _sections[block.Index],
                Lede => LedeText,
                var other => throw new ArgumentException($"unknown model input '{other}' (expected one of {string.Join(", ", Known)})."),
            };
        }

        return values;
    }

    /// <summary>Throws unless every name in <paramref name="inputs"/> is known.</summary>
    /// <exception cref="ArgumentException">The first unknown name.</exception>
    public static void Check(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (!Known.Contains(input))
                throw new ArgumentException($"unknown model input '{input}' (expected one of {string.Join(", ", Known)}).");
        }
    }

    private string BuildLede()
    {
        var first = _document.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph && !b.IsBoilerplate);
        return $"{_document.Title}\n{first?.Text}";
    }
}
