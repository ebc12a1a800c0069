using Microsoft.ML;

namespace Classifier.Models;

/// <summary>A loaded model bundle: the manifest and each text model it lists.</summary>
/// <remarks>Load bundles only from trusted sources: an ML.NET model file can run code when it is loaded.</remarks>
public sealed class ModelBundle
{
    private ModelBundle(string source, ModelManifest manifest, IReadOnlyDictionary<string, TextClassifier> classifiers, SalienceModel? salience)
    {
        Source = source;
        Manifest = manifest;
        Classifiers = classifiers;
        Salience = salience;
    }

    /// <summary>Where the bundle was loaded from.</summary>
    public string Source { get; }

    /// <summary>The bundle's manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The text models by name (<c>topic</c>, <c>western</c>, or custom names).</summary>
    public IReadOnlyDictionary<string, TextClassifier> Classifiers { get; }

    // The sentence ranker (task "salience"), if the bundle has one.
    internal SalienceModel? Salience { get; }

    /// <summary>Loads every text model of the bundle in <paramref name="folder"/>, checking the manifest against each model.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The manifest or a model is missing, corrupted or incompatible; the message names the file.</exception>
    public static ModelBundle Load(string folder, int seed = 1)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: no such model folder.");

        var manifestPath = Path.Combine(folder, ModelManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new InvalidDataException($"{manifestPath}: missing; a bundle folder holds {ModelManifest.FileName} and the model zips it lists.");

        ModelManifest manifest;
        using (var stream = File.OpenRead(manifestPath))
            manifest = ModelManifest.Read(stream, manifestPath);

        return Load(folder, manifest, name => File.OpenRead(Path.Combine(folder, name)), seed);
    }

    /// <summary>Loads a bundle from streams: <paramref name="open"/> opens a file of the bundle by its name.</summary>
    /// <exception cref="InvalidDataException">A model is missing, corrupted or incompatible.</exception>
    public static ModelBundle Load(string source, ModelManifest manifest, Func<string, Stream> open, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(open);
        var ml = new MLContext(seed);
        var classifiers = new Dictionary<string, TextClassifier>(StringComparer.Ordinal);
        SalienceModel? salience = null;
        foreach (var (name, entry) in manifest.Models)
        {
            var location = Path.Combine(source, entry.File);
            switch (entry.Task)
            {
                case "multiclass" or "binary":
                    if (entry.Labels.Count < 2 || entry.Inputs.Count is 0 or > TextModelInput.MaxSlots)
                        throw new InvalidDataException($"{source}: model '{name}' lists {entry.Labels.Count} labels and {entry.Inputs.Count} inputs; expected 2 or more labels and 1 to {TextModelInput.MaxSlots} inputs.");
                    using (var stream = Open(open, entry.File, name, location))
                        classifiers[name] = TextClassifier.Load(ml, stream, entry, location);
                    break;

                case "salience":
                    if (salience is not null)
                        throw new InvalidDataException($"{source}: more than one salience model in the manifest.");
                    using (var stream = Open(open, entry.File, name, location))
                        salience = SalienceModel.Load(ml, stream, entry, location);
                    break;

                default:
                    throw new InvalidDataException($"{source}: model '{name}' has task '{entry.Task}'; expected multiclass, binary or salience.");
            }
        }

        return new ModelBundle(source, manifest, classifiers, salience);
    }

    private static Stream Open(Func<string, Stream> open, string file, string name, string location)
    {
        try
        {
            return open(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{location}: cannot open model '{name}' ({error.Message}).", error);
        }
    }
}
