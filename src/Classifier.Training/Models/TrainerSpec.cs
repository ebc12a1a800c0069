using System.Globalization;

namespace Classifier.Training.Models;

/// <summary>One trainer of a cross-validation comparison: its name and, for a trainer with a penalty, the L2 weight.</summary>
/// <remarks>
/// Written as the <c>--trainers</c> option takes it, a comma-separated list of:
/// <list type="bullet">
/// <item><c>svm</c>: the trainer; one with a penalty grid (<see cref="DefaultL2Grid"/>) stands for one candidate per
/// value of its grid;</item>
/// <item><c>svm:l2=2e-4</c>: one candidate with that penalty;</item>
/// <item><c>svm:l2=1e-4/3e-4/1e-3</c>: one candidate per value given.</item>
/// </list>
/// </remarks>
/// <param name="Trainer">The trainer's name, one of <see cref="TextTrainingOptions.AllTrainers"/>.</param>
/// <param name="L2">The L2 penalty of a trainer that takes one; null for the others.</param>
public sealed record TrainerSpec(string Trainer, double? L2 = null)
{
    // The L2 grids searched when a trainer is named without a penalty, smallest first (docs/training.md, "The penalty"). On
    // AG News, BBC categories and the corpus's topic model the SVM's cross-validated optimum lay between 2e-4 and 5e-4 (at
    // 1e-3 with character 3-5-grams); 1e-4 never won and took up to 2.5 times as long as 3e-4 (SDCA converges more slowly
    // under a weaker penalty). Maximum entropy moved by at most 0.002 from 1e-4 to 3e-3 and a grid changed no choice, so it
    // keeps one value.
    private static readonly Dictionary<string, double[]> s_grids = new(StringComparer.Ordinal)
    {
        ["svm"] = [2e-4, 3e-4, 5e-4, 1e-3],
        ["lbfgs"] = [3e-4],
    };

    /// <summary>The trainers that take an L2 penalty (<c>name:l2=VALUE</c>).</summary>
    public static IReadOnlyList<string> PenalizedTrainers { get; } = [.. s_grids.Keys];

    /// <summary>The L2 values a trainer named alone is compared at, smallest first; empty for a trainer without a penalty.</summary>
    public static IReadOnlyList<double> DefaultL2Grid(string trainer) => s_grids.TryGetValue(trainer, out var grid) ? grid : [];

    /// <summary>The candidate as <c>--trainers</c> takes it: <c>svm:l2=2e-4</c>, or the bare name.</summary>
    public override string ToString() => L2 is { } l2 ? $"{Trainer}:l2={FormatL2(l2)}" : Trainer;

    /// <summary>An L2 value as specs and reports write it: <c>2e-4</c>, <c>2.5e-4</c>, <c>1e-3</c>.</summary>
    public static string FormatL2(double l2) => l2.ToString("0.###e-0", CultureInfo.InvariantCulture);

    /// <summary>Parses a comma-separated list of specs (the value of <c>--trainers</c>) into candidates, in order.</summary>
    /// <param name="value">For example <c>svm,lbfgs:l2=1e-3,perceptron</c>.</param>
    /// <param name="option">The option's name, for error messages (for example <c>--trainers</c>).</param>
    /// <exception cref="ArgumentException">An empty list, an unknown trainer, a malformed or repeated spec, a penalty for a
    /// trainer without one, or a penalty that is not a positive number; the message names <paramref name="option"/>.</exception>
    public static IReadOnlyList<TrainerSpec> ParseList(string value, string option)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ParseList(value.Split(',', StringSplitOptions.TrimEntries), option);
    }

    /// <summary>Parses specs, one per item (<see cref="TextTrainingOptions.Trainers"/>), into candidates, in order.</summary>
    /// <exception cref="ArgumentException">As <see cref="ParseList(string, string)"/>.</exception>
    public static IReadOnlyList<TrainerSpec> ParseList(IEnumerable<string> specs, string option)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var result = new List<TrainerSpec>();
        foreach (var spec in specs)
        {
            foreach (var candidate in Parse(spec, option))
            {
                if (result.Contains(candidate))
                    throw new ArgumentException($"{option}: '{candidate}' is listed twice (a trainer named alone stands for its whole L2 grid: {GridText(candidate.Trainer)}).");
                result.Add(candidate);
            }
        }

        if (result.Count == 0)
            throw new ArgumentException($"{option}: expected at least one trainer of {string.Join(", ", TextTrainingOptions.AllTrainers)}.");
        return result;
    }

    /// <summary>Parses one spec: <c>svm</c> (its default grid), <c>svm:l2=2e-4</c> or <c>svm:l2=1e-4/3e-4</c>.</summary>
    /// <exception cref="ArgumentException">As <see cref="ParseList(string, string)"/>.</exception>
    public static IReadOnlyList<TrainerSpec> Parse(string spec, string option)
    {
        spec = (spec ?? "").Trim();
        if (spec.Length == 0)
            throw new ArgumentException($"{option}: an empty trainer in the list; expected comma-separated trainers such as 'svm,lbfgs' or 'svm:l2=2e-4'.");

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? spec : spec[..colon].Trim();
        if (!TextTrainingOptions.AllTrainers.Contains(name, StringComparer.Ordinal))
            throw new ArgumentException($"{option}: unknown trainer '{name}' in '{spec}'; expected one of {string.Join(", ", TextTrainingOptions.AllTrainers)}.");

        var grid = DefaultL2Grid(name);
        if (colon < 0)
            return grid.Count == 0 ? [new TrainerSpec(name)] : [.. grid.Select(l2 => new TrainerSpec(name, l2))];

        if (grid.Count == 0)
            throw new ArgumentException($"{option}: '{spec}': trainer '{name}' takes no settings; only {string.Join(", ", PenalizedTrainers)} take l2=VALUE.");

        var setting = spec[(colon + 1)..].Trim();
        var equals = setting.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || !setting[..equals].Trim().Equals("l2", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{option}: '{spec}': expected '{name}:l2=VALUE' (for example {name}:l2=2e-4, or {name}:l2=1e-4/3e-4 for several).");

        var values = setting[(equals + 1)..].Split('/', StringSplitOptions.TrimEntries);
        var result = new List<TrainerSpec>();
        foreach (var text in values)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var l2) || !double.IsFinite(l2) || l2 <= 0)
                throw new ArgumentException($"{option}: '{spec}': the L2 penalty '{text}' is not a positive number; expected for example {name}:l2=2e-4.");
            result.Add(new TrainerSpec(name, l2));
        }

        return result;
    }

    private static string GridText(string trainer) => DefaultL2Grid(trainer) is { Count: > 0 } grid ? $"{trainer} is {string.Join(", ", grid.Select(l2 => $"{trainer}:l2={FormatL2(l2)}"))}" : $"{trainer} has none";
}
