using System.Text.Json;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure.Outbox;

/// <summary>
/// The outbox in Redis: one hash, entry id → entry. Entries are added by the stores' own Lua scripts
/// (<see cref="InfusionStore"/>, <see cref="AlertStore"/>) in the same step as the state they announce,
/// and removed once their effect has happened.
/// </summary>
public sealed class OutboxStore(IConnectionMultiplexer redis)
{
    public static readonly RedisKey Key = "monitoring:outbox";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(OutboxEntry entry) => JsonSerializer.Serialize(entry, Json);

    /// <summary>The script arguments for <paramref name="entries"/>: id, entry, id, entry, ...</summary>
    public static IEnumerable<RedisValue> AsArguments(IEnumerable<OutboxEntry> entries) =>
        entries.SelectMany(e => new RedisValue[] { e.Id.ToString("N"), Serialize(e) });

    /// <summary>Lua appending the (id, entry) pairs of ARGV from <c>first</c> (a Lua expression) on to the outbox hash at <c>key</c>.</summary>
    public static string AppendLua(string key, string first) =>
        $"for i = {first}, #ARGV, 2 do redis.call('HSET', {key}, ARGV[i], ARGV[i + 1]) end";

    /// <summary>Up to <paramref name="count"/> waiting entries (in no particular order).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(int count)
    {
        var entries = new List<OutboxEntry>(count);
        await foreach (var field in redis.GetDatabase().HashScanAsync(Key, pageSize: count))
        {
            entries.Add(JsonSerializer.Deserialize<OutboxEntry>(field.Value.ToString(), Json)!);
            if (entries.Count == count)
            {
                break;
            }
        }
        return entries;
    }

    public Task<long> CountAsync() => redis.GetDatabase().HashLengthAsync(Key);

    public Task RemoveAsync(Guid id) => redis.GetDatabase().HashDeleteAsync(Key, id.ToString("N"));
}
