namespace Classifier.Training.Data;

/// <summary>One labelled example: its text slots, label, optional split and group, and where it came from.</summary>
/// <param name="Texts">The text of each input column, in the order the columns were named.</param>
/// <param name="Label">The class label.</param>
/// <param name="Split">train, dev or test, when the data names a split.</param>
/// <param name="Group">Rows of one group (an article) stay in one cross-validation fold.</param>
/// <param name="Line">The line (CSV record or JSON line) the row came from, from 1.</param>
public sealed record LabelledRow(IReadOnlyList<string> Texts, string Label, string? Split, string? Group, int Line);

/// <summary>Labelled rows read from a file, with what was skipped.</summary>
public sealed record LabelledData(string Source, IReadOnlyList<string> InputNames, IReadOnlyList<LabelledRow> Rows, IReadOnlyList<string> Skipped);
