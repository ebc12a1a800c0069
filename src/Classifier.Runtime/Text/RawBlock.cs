namespace Classifier.Text;

/// <summary>A block found by a parser, before sentences are cut.</summary>
internal readonly record struct RawBlock(BlockKind Kind, TextSpan Span, TextSpan Content, bool IsBoilerplate);
