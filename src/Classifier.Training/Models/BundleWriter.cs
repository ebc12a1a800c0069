using Classifier.Models;

namespace Classifier.Training.Models;

/// <summary>Writes a model bundle folder so that the previous bundle stays whole until the new one is complete.</summary>
public static class BundleWriter
{
    /// <summary>Writes <paramref name="files"/> and the manifest into a new folder beside <paramref name="folder"/>, then swaps it in.</summary>
    /// <remarks>Files of the old folder that the new bundle does not replace (reports, a README) are carried over.</remarks>
    public static void Write(string folder, ModelManifest manifest, IReadOnlyDictionary<string, Action<Stream>> files)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(files);
        var target = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var retired = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            if (Directory.Exists(target))
            {
                foreach (var file in Directory.GetFiles(target))
                {
                    var name = Path.GetFileName(file);
                    if (!files.ContainsKey(name) && name != ModelManifest.FileName)
                        File.Copy(file, Path.Combine(staging, name));
                }
            }

            foreach (var (name, write) in files)
            {
                using var stream = File.Create(Path.Combine(staging, name));
                write(stream);
            }

            using (var stream = File.Create(Path.Combine(staging, ModelManifest.FileName)))
                manifest.Write(stream);

            // Two renames: the old bundle is complete until the first, the new one from the second.
            if (Directory.Exists(target))
                Directory.Move(target, retired);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            if (Directory.Exists(retired))
                Directory.Delete(retired, recursive: true);
        }
    }
}
