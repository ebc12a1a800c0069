using Microsoft.ML.Tokenizers;

namespace Classifier.Text;

/// <summary>Counts tokens with the o200k vocabulary, embedded by its data package so that counting works offline.</summary>
internal static class TokenCounter
{
    private static readonly Lazy<Tokenizer> s_tokenizer = new(
        () => TiktokenTokenizer.CreateForEncoding("o200k_base"),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared o200k tokenizer (thread-safe), loaded on first use.</summary>
    public static Tokenizer Tokenizer => s_tokenizer.Value;

    public static int Count(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : s_tokenizer.Value.CountTokens(text);
}
