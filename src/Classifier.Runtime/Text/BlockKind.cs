namespace Classifier.Text;

/// <summary>What a block of an article is.</summary>
public enum BlockKind
{
    /// <summary>A section heading such as "Highlights" or "Why It Matters to the West": structure, not content.</summary>
    Heading,

    /// <summary>A paragraph of running text (web boilerplate lines are paragraphs too, flagged <see cref="TextBlock.IsBoilerplate"/>).</summary>
    Paragraph,

    /// <summary>One item of a bulleted or numbered list.</summary>
    Bullet,
}
