using System.Globalization;
using System.Text.RegularExpressions;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// The patient reference is an opaque id from the caller's system (issue: no names, no birth dates), so it
/// is kept to a narrow id alphabet, and what looks like a name (no digit at all) or holds a calendar date is
/// refused: that keeps identifying data out of Redis keys, logs and traces by construction.
/// </summary>
public static partial class PatientReference
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="value"/> is not an acceptable reference, or null when it is.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Required: the opaque patient id from the caller's system.";
        }

        if (value.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        if (!Alphabet().IsMatch(value))
        {
            return "Only letters, digits and . _ : - are allowed (an opaque id, no spaces, no names).";
        }

        if (!value.Any(char.IsAsciiDigit))
        {
            return "Looks like a name: an opaque id contains at least one digit.";
        }

        if (ContainsDate(value))
        {
            return "Looks like it contains a date (birth dates are not allowed): use an opaque id.";
        }

        return null;
    }

    private static bool ContainsDate(string value) =>
        IsoDate().Matches(value).Any(m => IsDate(m.Value, "yyyy-MM-dd"))
        || DottedDate().Matches(value).Any(m => IsDate(m.Value, "dd.MM.yyyy"));

    private static bool IsDate(string text, string format) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex("^[A-Za-z0-9._:-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Alphabet();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![0-9])[0-9]{2}\.[0-9]{2}\.[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDate();
}
