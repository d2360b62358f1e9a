using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Ivig.Dosing.Features.Audit;

/// <summary>
/// SHA-256 (lower-case hex) of the canonical JSON of a decision's inputs: object members sorted ordinally,
/// camelCase names, enums by name, nulls and proto defaults left out, no whitespace. Sorting and leaving out
/// unknowns keep a hash stable when fields are reordered or new optional inputs are added.
/// </summary>
public static class InputsHash
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    public static JsonNode? ToNode(IMessage message) => JsonNode.Parse(JsonFormatter.Default.Format(message));

    public static string CanonicalJson(JsonNode? node) => Canonical(node)?.ToJsonString(Options) ?? "null";

    public static string Of(JsonNode? node) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(node))));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(property => property.Value is not null)
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Canonical(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
