using System.Text.Encodings.Web;
using Classifier.Analysis;

namespace Classifier.Service.Tests.Support;

/// <summary>The runtime's JSON contract as the service and the CLI's --jsonl write it: compact, non-ASCII as UTF-8.</summary>
internal static class Contract
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Tag(ArticleAnalysis analysis, string? id = null) => Write(writer => JsonContract.WriteTag(writer, analysis, id));

    public static string Summary(ArticleSummary summary, string? id = null) => Write(writer => JsonContract.WriteSummary(writer, summary, id));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
            write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
