using Classifier.Analysis;
using Classifier.Tests.Support;

namespace Classifier.Tests.Analysis;

/// <summary>The committed default bundle, loaded once for every test that needs it (loading takes a second).</summary>
internal static class DefaultAnalyzer
{
    private static readonly Lazy<ArticleAnalyzer> s_instance = new(() => ArticleAnalyzer.Load(SharedData.Models));

    public static ArticleAnalyzer Instance => s_instance.Value;
}
