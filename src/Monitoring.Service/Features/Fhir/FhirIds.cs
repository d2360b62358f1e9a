using System.Security.Cryptography;
using System.Text;

namespace Ivig.Monitoring.Features.Fhir;

/// <summary>
/// Stable resource ids: a UUID (RFC 9562 version 8) from the SHA-256 of a kind and its natural key, so the
/// same infusion exported twice yields the same ids (a receiver can update instead of duplicating), and the
/// Patient id follows from the opaque patient reference alone. Every entry's fullUrl is urn:uuid:&lt;id&gt;.
/// </summary>
public static class FhirIds
{
    public static Guid Derive(string kind, params string[] key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\u001f" + string.Join("\u001f", key)));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom (name-based, SHA-256)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static string FullUrl(Guid id) => "urn:uuid:" + id.ToString("D");
}
