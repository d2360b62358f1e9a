using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Ivig.Dosing.Infrastructure;

/// <summary>How Dosing writes records to Redis: JSON a person can read in redis-cli, tolerant of fields added later.</summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Contract messages (the regimen) are stored in the proto JSON mapping; unknown fields are skipped so an older build can still read them.</summary>
    public static JsonParser ProtoParser { get; } = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static JsonFormatter ProtoFormatter { get; } = JsonFormatter.Default;
}
