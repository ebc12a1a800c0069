namespace Classifier.Cli.Tests.Support;

/// <summary>A folder the test owns and deletes, for input files and damaged bundles.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("classifier-cli-").FullName;

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A copy of the default bundle in a sub-folder, to damage.</summary>
    public string CopyBundle(string name)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SharedData.Models))
            File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
        return folder;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
