using System.Text.Json;
using Ivig.Monitoring.Domain;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Infusion sessions in Redis: one hash per session (its version and JSON snapshot) and a sorted set
/// of the active ones by start time. Writes are compare-and-set on the version (a Lua script), so two
/// concurrent updates of one session can never both land. Nothing here expires.
/// </summary>
public sealed class InfusionStore(IConnectionMultiplexer redis)
{
    private const string ActiveIndexKey = "monitoring:infusions:active";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS[1] session hash, KEYS[2] active index. ARGV: expected version, new version, snapshot, id, score, active(1/0).
    private const string CompareAndSetScript = """
        local current = redis.call('HGET', KEYS[1], 'version')
        if (current or '-1') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[2], 'snapshot', ARGV[3])
        if ARGV[6] == '1' then redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4]) else redis.call('ZREM', KEYS[2], ARGV[4]) end
        return 1
        """;

    private static RedisKey SessionKey(Guid id) => $"monitoring:infusion:{id:N}";

    public async Task<InfusionSession?> FindAsync(Guid id)
    {
        var snapshot = await redis.GetDatabase().HashGetAsync(SessionKey(id), "snapshot");
        return snapshot.IsNullOrEmpty
            ? null
            : InfusionSession.FromSnapshot(JsonSerializer.Deserialize<InfusionSessionSnapshot>((string)snapshot!, Json)!);
    }

    /// <summary>Stores the session if nobody changed it since <paramref name="expectedVersion"/> (-1 for a new one).</summary>
    public async Task<bool> TrySaveAsync(InfusionSession session, long expectedVersion)
    {
        var snapshot = session.ToSnapshot();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CompareAndSetScript,
            [SessionKey(session.Id), ActiveIndexKey],
            [
                expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(snapshot, Json),
                session.Id.ToString("N"),
                session.StartedAt.ToUnixTimeMilliseconds(),
                session.IsActive ? "1" : "0",
            ]);
        return (int)result == 1;
    }

    /// <summary>Active sessions, oldest first, from <paramref name="offset"/>; plus whether more follow.</summary>
    public async Task<(IReadOnlyList<InfusionSession> Sessions, bool HasMore)> ListActiveAsync(int offset, int count)
    {
        var db = redis.GetDatabase();
        var ids = await db.SortedSetRangeByRankAsync(ActiveIndexKey, offset, offset + count);
        var sessions = new List<InfusionSession>(Math.Min(ids.Length, count));
        foreach (var id in ids.Take(count))
        {
            if (Guid.TryParse((string?)id, out var guid) && await FindAsync(guid) is { } session)
            {
                sessions.Add(session);
            }
        }
        return (sessions, ids.Length > count);
    }
}
