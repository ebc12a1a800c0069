using System.Text;

namespace Classifier.Cli;

/// <summary>Reads the text a command works on: a file, or standard input for "-".</summary>
internal static class CliInput
{
    public static string ReadText(string path)
    {
        if (path == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return stdin.ReadToEnd();
        }

        if (!File.Exists(path))
            throw new CliException($"{path}: no such file.");

        return File.ReadAllText(path, Encoding.UTF8);
    }
}

/// <summary>An error the user can fix; printed on stderr without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
