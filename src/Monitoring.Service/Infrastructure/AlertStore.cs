using System.Text.Json;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Infrastructure.Outbox;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Alerts in Redis. Raising is idempotent by the alert's deduplication key (one reaction, one alert),
/// done in one Lua script so an alert is never half-written or written twice, even when the same
/// event is redelivered or two replicas race. A new alert's announcement goes into the outbox in the same
/// script, so it is published even if this process dies right after storing the alert.
/// </summary>
public sealed class AlertStore(IConnectionMultiplexer redis)
{
    private const string AllAlertsKey = "monitoring:alerts";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS[1] dedupe key, KEYS[2] alert key, KEYS[3] index, KEYS[4] outbox. ARGV: alert id, snapshot,
    // score, then outbox (id, entry) pairs.
    private static readonly string RaiseOnceScript = $"""
        if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
          redis.call('SET', KEYS[2], ARGV[2])
          redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
          {OutboxStore.AppendLua("KEYS[4]", "4")}
          return 1
        end
        return 0
        """;

    private static RedisKey AlertKey(Guid id) => $"monitoring:alert:{id:N}";

    /// <summary>The stored form of an alert (also what its live notice carries).</summary>
    public static string Serialize(Alert alert) => JsonSerializer.Serialize(alert.ToSnapshot(), Json);

    public static Alert? Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? null : Alert.FromSnapshot(JsonSerializer.Deserialize<AlertSnapshot>(json, Json)!);

    /// <summary>Stores the alert unless one with the same deduplication key exists; true when it is new.</summary>
    public async Task<bool> RaiseOnceAsync(Alert alert, OutboxEntry announcement)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(RaiseOnceScript,
            [$"monitoring:alert-dedupe:{alert.DeduplicationKey}", AlertKey(alert.Id), AllAlertsKey, OutboxStore.Key],
            [alert.Id.ToString("N"), Serialize(alert), alert.RaisedAt.ToUnixTimeMilliseconds(),
             .. OutboxStore.AsArguments([announcement])]);
        return (int)result == 1;
    }

    public async Task<Alert?> FindAsync(Guid id)
    {
        var json = await redis.GetDatabase().StringGetAsync(AlertKey(id));
        return Deserialize((string?)json);
    }

    // KEYS[1] alert key. ARGV: expected version, snapshot.
    private const string CompareAndSetScript = """
        local current = redis.call('GET', KEYS[1])
        if not current or tostring(cjson.decode(current).version) ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>Stores the alert if nobody changed it since <paramref name="expectedVersion"/> (two nurses acknowledging at once).</summary>
    public async Task<bool> TrySaveAsync(Alert alert, long expectedVersion)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CompareAndSetScript, [AlertKey(alert.Id)],
            [expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Serialize(alert)]);
        return (int)result == 1;
    }

    /// <summary>Every alert raised after <paramref name="afterId"/>, oldest first; null when that alert is unknown.</summary>
    public async Task<IReadOnlyList<Alert>?> ListAfterAsync(Guid afterId)
    {
        var db = redis.GetDatabase();
        var rank = await db.SortedSetRankAsync(AllAlertsKey, afterId.ToString("N"));
        if (rank is null)
        {
            return null;
        }
        var ids = await db.SortedSetRangeByRankAsync(AllAlertsKey, rank.Value + 1, -1);
        return await LoadAsync(ids);
    }

    /// <summary>The newest alerts first.</summary>
    public async Task<IReadOnlyList<Alert>> ListRecentAsync(int count)
    {
        var ids = await redis.GetDatabase().SortedSetRangeByRankAsync(AllAlertsKey, 0, count - 1, Order.Descending);
        return await LoadAsync(ids);
    }

    private async Task<IReadOnlyList<Alert>> LoadAsync(RedisValue[] ids)
    {
        // All reads at once (pipelined on the one connection), not one round trip after another.
        var found = await Task.WhenAll(ids.Select(id => Guid.TryParse((string?)id, out var guid) ? FindAsync(guid) : Task.FromResult<Alert?>(null)));
        return [.. found.OfType<Alert>()];
    }
}
