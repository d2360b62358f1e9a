using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ivig.Eligibility.Infrastructure;

/// <summary>
/// How records are written to Redis: camelCase JSON, enums by name (so reordering an enum never changes a
/// stored decision), unknown facts left out.
/// </summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");
}
