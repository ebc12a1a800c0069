using Microsoft.ML.Data;

namespace Classifier.Models;

/// <summary>The input row of every text model: up to four text slots and a label (empty at prediction time).</summary>
/// <remarks>
/// Slots are positional so that one schema serves any model: the manifest's <see cref="ModelEntry.Inputs"/> names what each
/// slot holds (a topic model uses Text0 for the paragraph; the Western model Text0 for the sentence, Text1 for its paragraph).
/// </remarks>
public sealed class TextModelInput
{
    /// <summary>The most text slots a model may have.</summary>
    public const int MaxSlots = 4;

    /// <summary>Slot 0.</summary>
    public string Text0 { get; set; } = "";

    /// <summary>Slot 1.</summary>
    public string Text1 { get; set; } = "";

    /// <summary>Slot 2.</summary>
    public string Text2 { get; set; } = "";

    /// <summary>Slot 3.</summary>
    public string Text3 { get; set; } = "";

    /// <summary>The label, for training and evaluation.</summary>
    public string Label { get; set; } = "";

    /// <summary>The name of slot <paramref name="index"/>'s column.</summary>
    public static string SlotName(int index) => index switch
    {
        0 => nameof(Text0),
        1 => nameof(Text1),
        2 => nameof(Text2),
        3 => nameof(Text3),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"a model has at most {MaxSlots} text slots"),
    };

    /// <summary>Creates an input from slot values (missing slots stay empty).</summary>
    public static TextModelInput FromSlots(IReadOnlyList<string> slots, string label = "")
    {
        ArgumentNullException.ThrowIfNull(slots);
        return new TextModelInput
        {
            Text0 = slots.Count > 0 ? slots[0] : "",
            Text1 = slots.Count > 1 ? slots[1] : "",
            Text2 = slots.Count > 2 ? slots[2] : "",
            Text3 = slots.Count > 3 ? slots[3] : "",
            Label = label,
        };
    }
}

/// <summary>The output row of a text model: one score per label, in the manifest's label order.</summary>
public sealed class TextModelOutput
{
    /// <summary>Raw class probabilities.</summary>
    public float[] Score { get; set; } = [];
}

/// <summary>The input row of a model over this library's tf-idf vectors (<see cref="TfidfFeaturizer"/>).</summary>
internal sealed class VectorModelInput
{
    /// <summary>The feature vector.</summary>
    public VBuffer<float> Features { get; set; }

    /// <summary>The label, for training and evaluation.</summary>
    public string Label { get; set; } = "";

    /// <summary>The row schema with the vector's length, which the class alone cannot state.</summary>
    public static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(VectorModelInput));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }
}
