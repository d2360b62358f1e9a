using System.Globalization;

namespace Ivig.Dosing.Domain;

/// <summary>Clinical text is culture-invariant ("0.5", never "0,5") and shows decimals without trailing zeros ("2", not "2.00").</summary>
internal static class Text
{
    private static readonly Formatter InvariantFormatter = new();

    public static string Invariant(FormattableString text) => text.ToString(InvariantFormatter);

    private sealed class Formatter : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) =>
            formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
        {
            null => "",
            decimal d when string.IsNullOrEmpty(format) => d.ToString("G29", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
            _ => arg.ToString() ?? "",
        };
    }
}
