using System.Text.Json.Serialization;

namespace Ivig.Eligibility.CdsHooks;

// The CDS Hooks 2.0 JSON this service writes. Optional fields are left out when empty (the spec forbids null and
// empty values), see CdsHooksJson.Options.

internal sealed record DiscoveryResponse([property: JsonPropertyName("services")] IReadOnlyList<DiscoveryService> Services);

internal sealed record DiscoveryService(
    [property: JsonPropertyName("hook")] string Hook,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("prefetch")] IReadOnlyDictionary<string, string> Prefetch,
    [property: JsonPropertyName("usageRequirements")] string UsageRequirements);

internal sealed record CardsResponse([property: JsonPropertyName("cards")] IReadOnlyList<Card> Cards);

internal sealed record Card(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("source")] CardSource Source);

internal sealed record CardSource([property: JsonPropertyName("label")] string Label);

internal static class CdsHooksJson
{
    /// <summary>
    /// Optional fields left out when null; relaxed escaping keeps Markdown (backticks) and query strings (&amp;)
    /// readable: the response is JSON for an API client, never embedded in HTML.
    /// </summary>
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
