using System.Text;

namespace Ivig.Resilience.Telemetry;

/// <summary>
/// Just enough reading of an OTLP protobuf body for the scan, without decoding it: the exporting process's
/// service.name, and the readable text around each occurrence of a value, to say where it sits.
/// </summary>
public static class OtlpPayload
{
    // KeyValue { key = "service.name" } as encoded: field 1, length 12, then the key's bytes.
    private static readonly byte[] ServiceNameKey = [0x0A, 0x0C, .. "service.name"u8];

    /// <summary>
    /// The resource's service.name: after the key comes field 2 (the AnyValue) and in it field 1
    /// (string_value), each with a varint length. Null when the body has none.
    /// </summary>
    public static string? ServiceName(byte[] body)
    {
        var at = body.AsSpan().IndexOf(ServiceNameKey);
        if (at < 0)
        {
            return null;
        }
        var position = at + ServiceNameKey.Length;
        if (position >= body.Length || body[position++] != 0x12)
        {
            return null;
        }
        ReadVarint(body, ref position);
        if (position >= body.Length || body[position++] != 0x0A)
        {
            return null;
        }
        var length = ReadVarint(body, ref position);
        return position + length <= body.Length ? Encoding.UTF8.GetString(body, position, length) : null;
    }

    /// <summary>
    /// The printable text around every occurrence of <paramref name="value"/>: the attribute key or log
    /// template next to it says where it sits.
    /// </summary>
    public static IEnumerable<string> Contexts(byte[] body, string value, int radius = 300)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        for (var from = 0; from < body.Length;)
        {
            var found = body.AsSpan(from).IndexOf(needle);
            if (found < 0)
            {
                yield break;
            }
            var at = from + found;
            var start = Math.Max(0, at - radius);
            var end = Math.Min(body.Length, at + needle.Length + radius);
            var text = Encoding.UTF8.GetString(body, start, end - start);
            yield return new string([.. text.Select(c => char.IsControl(c) || c == '\uFFFD' ? '·' : c)]);
            from = at + needle.Length;
        }
    }

    private static int ReadVarint(byte[] body, ref int position)
    {
        var result = 0;
        for (var shift = 0; shift < 32 && position < body.Length; shift += 7)
        {
            var b = body[position++];
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        return result;
    }
}
