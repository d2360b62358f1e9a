using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ivig.Eligibility.Domain;

/// <summary>
/// A stable SHA-256 of the facts for the audit trail: canonical JSON (camelCase names sorted ordinally,
/// enums by name, dates as yyyy-MM-dd, unknown facts left out, no whitespace), UTF-8, lower-case hex.
/// Leaving unknowns out keeps old hashes valid when a new optional fact is added; sorting keeps them valid
/// when properties are reordered; enum names keep them valid when enum members are reordered.
/// </summary>
public static class FactsHasher
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string CanonicalJson(PatientFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var node = JsonSerializer.SerializeToNode(facts, Options);
        return Canonical(node)?.ToJsonString(Options) ?? "null";
    }

    public static string Hash(PatientFacts facts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(facts))));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Canonical(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
