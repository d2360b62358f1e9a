using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// How Dosing writes records to Redis: JSON a person can read in redis-cli, tolerant of fields added later.
/// Regimens are the exception (<see cref="RedisRegimenStore"/>): binary protobuf.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Regimens stored by earlier versions in the proto JSON mapping; unknown fields are skipped.</summary>
    public static JsonParser ProtoParser { get; } = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
}
