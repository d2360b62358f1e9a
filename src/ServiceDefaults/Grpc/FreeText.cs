using System.Globalization;

namespace Ivig.ServiceDefaults.Grpc;

/// <summary>
/// Free text a clinician must give (an override's reason, why an infusion stopped): text with nothing a
/// person could read (only whitespace, control or format characters such as zero-width spaces) counts
/// as not given, so an audited reason can never be invisible.
/// </summary>
public static class FreeText
{
    /// <summary>The trimmed text, or "" when nothing in it is readable.</summary>
    public static string Readable(string? text) => text is not null && text.Any(IsVisible) ? text.Trim() : "";

    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format);
}
