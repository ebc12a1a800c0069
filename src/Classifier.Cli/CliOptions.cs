using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Classifier.Cli;

/// <summary>Options whose bad values are refused at parsing, with a message that names the option and says what it takes.</summary>
internal static class CliOptions
{
    /// <summary>A whole number of at least 0, with a default.</summary>
    public static Option<int> Count(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseCount(result, name) ?? 0,
    };

    /// <summary>A whole number of at least 0, or nothing.</summary>
    public static Option<int?> OptionalCount(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseCount(result, name),
    };

    private static int? ParseCount(ArgumentResult result, string name)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return count;
        result.AddError($"{name} '{token}': expected a whole number of at least 0.");
        return null;
    }
}
