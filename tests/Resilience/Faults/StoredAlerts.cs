using System.Text.Json;
using StackExchange.Redis;

namespace Ivig.Resilience.Faults;

/// <summary>
/// Ground truth for "exactly one alert per reaction": every alert Monitoring has stored, read from
/// Redis itself (the API's live streams show a window; this sees all of them).
/// </summary>
public static class StoredAlerts
{
    public sealed record StoredAlert(Guid Id, Guid InfusionId, string RuleId, Guid? ReactionId);

    public static async Task<IReadOnlyList<StoredAlert>> ReadAllAsync(string redisConnection)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        var db = redis.GetDatabase();
        var ids = await db.SortedSetRangeByRankAsync("monitoring:alerts");
        var alerts = new List<StoredAlert>(ids.Length);
        foreach (var id in ids)
        {
            var json = await db.StringGetAsync($"monitoring:alert:{id}");
            if (!json.IsNullOrEmpty)
            {
                alerts.Add(JsonSerializer.Deserialize<StoredAlert>((string)json!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
            }
        }
        return alerts;
    }

    public static async Task<long> OutboxWaitingAsync(string redisConnection)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        return await redis.GetDatabase().HashLengthAsync("monitoring:outbox");
    }
}
