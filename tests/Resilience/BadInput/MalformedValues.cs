using System.Globalization;
using System.Text;
using Ivig.Monitoring.V1;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// The malformed values the corpus is generated from, each with a label for the case name. Protobuf strings
/// are UTF-8, so lone surrogates cannot be sent; the Unicode oddities are the ones that can: bidirectional
/// overrides, zero-width and format characters, NUL, emoji (surrogate pairs), combining marks, other digits.
/// </summary>
internal static class MalformedValues
{
    public const int HundredKilobytes = 100 * 1024;

    /// <summary>Larger than the services' 1 MB message limit and the gateway's 4 MB body limit.</summary>
    public const int FiveMegabytes = 5 * 1024 * 1024;

    /// <summary>Between the services' 1 MB limit and the gateway's 4 MB limit: the service itself must refuse it.</summary>
    public const int TwoMegabytes = 2 * 1024 * 1024;

    public static string Huge(int length, char fill = 'x') => new(fill, length);

    /// <summary>Strings that are not ids (UUIDs), though some look close. Empty is listed apart: some ids are optional.</summary>
    public static IReadOnlyList<(string Label, string Value)> NotIds { get; } = BuildNotIds();

    private static List<(string, string)> BuildNotIds()
    {
        var id = Guid.NewGuid().ToString();
        return
        [
            ("not a UUID", "not-a-uuid"),
            ("truncated UUID", id[..35]),
            ("UUID with a trailing zero-width space", id + "\u200B"),
            ("UUID behind a right-to-left override", "\u202E" + id),
            ("UUID with a NUL for a dash", id[..8] + "\0" + id[9..]),
            ("UUID with an emoji", "\U0001F9EA" + id[2..]),
            ("UUID with combining marks", id[..34] + "e\u0301\u0308"),
            ("UUID in full-width digits", FullWidth(id)),
            ("UUID behind a byte-order mark", "\uFEFF" + id),
            ("SQL-looking text", "' OR '1'='1"),
            ("path traversal", "../../../etc/passwd"),
            ("a negative number", "-1"),
            ("100 KB of text", Huge(HundredKilobytes)),
        ];
    }

    /// <summary>Patient references the opaque-id rules refuse (issue: no names, no birth dates).</summary>
    public static IReadOnlyList<(string Label, string Value)> NotPatientReferences { get; } =
    [
        ("empty", ""),
        ("65 characters", "p" + Huge(64, '1')),
        ("100 KB", "p1" + Huge(HundredKilobytes)),
        ("a space", "mrn 0042"),
        ("a name (no digit)", "JaneDoe"),
        ("an ISO birth date", "pt-1980-05-17"),
        ("a dotted birth date", "pt-17.05.1980"),
        ("a zero-width space", "mrn\u200B0042"),
        ("a right-to-left override", "\u202Emrn0042"),
        ("a NUL", "mrn0042\0"),
        ("an emoji", "mrn0042\U0001F9EA"),
        ("combining marks", "mrn0042e\u0301"),
        ("full-width digits", "mrn" + FullWidth("0042")),
        ("a newline", "mrn0042\nx"),
    ];

    /// <summary>Text that cannot be an ISO date (yyyy-mm-dd) or is an impossible one.</summary>
    public static IReadOnlyList<(string Label, string Value)> NotDates { get; } =
    [
        ("month 13", "2024-13-01"),
        ("February 30", "2024-02-30"),
        ("words", "not-a-date"),
        ("US order", "01/02/2024"),
        ("a timestamp", "2024-01-01T00:00:00Z"),
        ("unpadded", "2024-1-1"),
        ("Arabic-Indic digits", "\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661"),
        ("full-width digits", FullWidth("2024-01-01")),
        ("a right-to-left override", "\u202E2024-01-01"),
        ("100 KB", Huge(HundredKilobytes, '9')),
    ];

    /// <summary>Values that are no measurement: not a number, infinities, magnitudes beyond any scale.</summary>
    public static IReadOnlyList<(string Label, double Value)> AbsurdNumbers { get; } =
    [
        ("NaN", double.NaN),
        ("+Infinity", double.PositiveInfinity),
        ("-Infinity", double.NegativeInfinity),
        ("1e308", 1e308),
        ("double.MinValue", double.MinValue),
    ];

    /// <summary>The absurd numbers plus the given out-of-range ones.</summary>
    public static IEnumerable<(string Label, double Value)> BadMeasures(params double[] outOfRange) =>
        AbsurdNumbers.Concat(outOfRange.Select(v => (v.ToString("R", CultureInfo.InvariantCulture), v)));

    public static IEnumerable<(string Label, int Value)> BadInts(params int[] outOfRange) =>
        outOfRange.Append(int.MinValue).Append(int.MaxValue).Distinct()
            .Select(v => (v.ToString(CultureInfo.InvariantCulture), v));

    /// <summary>Enum numbers the contract does not define (sent by casting an int).</summary>
    public static IReadOnlyList<int> UndefinedEnumNumbers { get; } = [99, -1, int.MaxValue];

    /// <summary>Bedside readings, each with one value outside the section-7 plausible range, and the field it breaks.</summary>
    public static IEnumerable<(string Label, string Field, VitalSigns Vitals)> ImplausibleVitals()
    {
        foreach (var (label, value) in BadMeasures(0, -40, 29.9, 45.1))
        {
            yield return ($"temperature {label}", "temperature_celsius", Vitals(v => v.TemperatureCelsius = value));
        }
        foreach (var (label, value) in BadInts(0, -1, 39, 301))
        {
            yield return ($"systolic {label}", "systolic_mmhg", Vitals(v => v.SystolicMmhg = value));
        }
        foreach (var (label, value) in BadInts(-1, 19, 201))
        {
            yield return ($"diastolic {label}", "diastolic_mmhg", Vitals(v => v.DiastolicMmhg = value));
        }
        yield return ("diastolic equal to systolic", "diastolic_mmhg", Vitals(v => v.DiastolicMmhg = v.SystolicMmhg));
        foreach (var (label, value) in BadInts(0, 19, 301))
        {
            yield return ($"heart rate {label}", "heart_rate_per_min", Vitals(v => v.HeartRatePerMin = value));
        }
        foreach (var (label, value) in BadInts(-1, 49, 101))
        {
            yield return ($"SpO2 {label}", "spo2_percent", Vitals(v => v.Spo2Percent = value));
        }
        foreach (var (label, value) in BadInts(0, 3, 81))
        {
            yield return ($"respiratory rate {label}", "respiratory_rate_per_min", Vitals(v => v.RespiratoryRatePerMin = value));
        }
        foreach (var (label, value) in BadMeasures(0, -1, 1.9, 400.5))
        {
            yield return ($"weight {label}", "weight_kg", Vitals(v => v.WeightKg = value));
        }
    }

    public static VitalSigns NormalVitals() => Ivig.EndToEnd.ClinicalScenario.NormalVitals();

    private static VitalSigns Vitals(Action<VitalSigns> spoil)
    {
        var vitals = NormalVitals();
        spoil(vitals);
        return vitals;
    }

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiDigit(c) ? (char)('\uFF10' + (c - '0')) : c);
        }
        return builder.ToString();
    }
}
