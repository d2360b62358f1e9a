using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ivig.Eligibility.Features.Paging;

/// <summary>
/// Opaque page tokens: a versioned cursor bound to the list it came from (a short hash of the scope, e.g.
/// the patient reference), base64url-encoded. Callers must not build them; a token from another list, or
/// one that was edited, is refused rather than silently paging the wrong list. The scope is hashed so a
/// token never carries the patient reference itself.
/// </summary>
public static class PageToken
{
    private const string Version = "1";

    public static string Encode(string scope, PageCursor cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Join('|', Version, ScopeTag(scope), cursor.Score.ToString(CultureInfo.InvariantCulture), cursor.Member)));

    /// <summary>The cursor in <paramref name="token"/>, or false when it is not a token issued for <paramref name="scope"/>.</summary>
    public static bool TryDecode(string token, string scope, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('|');
        if (parts.Length != 4
            || parts[0] != Version
            || parts[1] != ScopeTag(scope)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var score)
            || parts[3].Length == 0)
        {
            return false;
        }

        cursor = new PageCursor(score, parts[3]);
        return true;
    }

    private static string ScopeTag(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
}
