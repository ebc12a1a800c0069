using System.Text.Encodings.Web;
using System.Text.Json;

namespace Classifier.Cli;

/// <summary>The JSON settings of every command's output: camelCase, indented, non-ASCII kept readable.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
