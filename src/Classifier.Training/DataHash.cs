using System.Security.Cryptography;
using System.Text;

namespace Classifier.Training;

/// <summary>The hash a model's manifest records for its training data, so that stale models can be detected.</summary>
public static class DataHash
{
    /// <summary>SHA-256 over each file's name and text, in the order given; line endings are normalised so that a
    /// checkout with CRLF hashes the same.</summary>
    public static string OfFiles(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(file, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal)));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
