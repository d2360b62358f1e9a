using System.Text.Json;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Infrastructure.Outbox;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Infusion sessions in Redis: one hash per session (its version and JSON snapshot), a list per session
/// of its vitals readings (appended, never rewritten: a long infusion's writes stay small) and a sorted
/// set of the active ones by start time. Writes are compare-and-set on the version (a Lua script), so two
/// concurrent updates of one session can never both land. The change's effects (events, alerts) go into
/// the outbox in the same script: stored together with the change or not at all. Nothing here expires.
/// </summary>
public sealed class InfusionStore(IConnectionMultiplexer redis)
{
    private const string ActiveIndexKey = "monitoring:infusions:active";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS[1] session hash, KEYS[2] active index, KEYS[3] outbox, KEYS[4] vitals list. ARGV: expected
    // version, new version, snapshot, id, score, active(1/0), n, n readings, then outbox (id, entry) pairs.
    private static readonly string CompareAndSetScript = $"""
        local current = redis.call('HGET', KEYS[1], 'version')
        if (current or '-1') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[2], 'snapshot', ARGV[3])
        if ARGV[6] == '1' then redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4]) else redis.call('ZREM', KEYS[2], ARGV[4]) end
        local n = tonumber(ARGV[7])
        for i = 8, 7 + n do redis.call('RPUSH', KEYS[4], ARGV[i]) end
        {OutboxStore.AppendLua("KEYS[3]", "8 + n")}
        return 1
        """;

    // KEYS[1] session hash, KEYS[2] active index, KEYS[3] the regimen day's latest infusion, KEYS[4] outbox,
    // KEYS[5] vitals list. ARGV: version, snapshot, id, score, expected latest infusion ('' for none),
    // restart reason, who, the baseline reading, then outbox (id, entry) pairs.
    private static readonly string CreateScript = $"""
        if (redis.call('GET', KEYS[3]) or '') ~= ARGV[5] then return 0 end
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'snapshot', ARGV[2], 'restart_of', ARGV[5], 'restart_reason', ARGV[6], 'started_by', ARGV[7])
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
        redis.call('SET', KEYS[3], ARGV[3])
        redis.call('RPUSH', KEYS[5], ARGV[8])
        {OutboxStore.AppendLua("KEYS[4]", "9")}
        return 1
        """;

    private static RedisKey SessionKey(Guid id) => $"monitoring:infusion:{id:N}";

    private static RedisKey VitalsKey(Guid id) => $"monitoring:infusion:{id:N}:vitals";

    private static RedisKey RegimenDayKey(string regimenId, int day) =>
        $"monitoring:regimen-day:{regimenId}:{day.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The latest infusion started for a regimen day, if any.</summary>
    public async Task<Guid?> LatestForRegimenDayAsync(string regimenId, int day)
    {
        var id = await redis.GetDatabase().StringGetAsync(RegimenDayKey(regimenId, day));
        return Guid.TryParse((string?)id, out var guid) ? guid : null;
    }

    /// <summary>
    /// Stores a new session as the regimen day's latest infusion, unless another one was started for
    /// that day since <paramref name="previous"/> was read (two nurses pressing Start at once get one
    /// infusion). A restart keeps its reason, who asked and the infusion it follows, with the session.
    /// </summary>
    public async Task<bool> TryCreateAsync(InfusionSession session, Guid? previous, string restartReason, string startedBy,
        IReadOnlyList<OutboxEntry> outbox)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CreateScript,
            [SessionKey(session.Id), ActiveIndexKey, RegimenDayKey(session.RegimenId, session.DayNumber), OutboxStore.Key, VitalsKey(session.Id)],
            [
                session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(session.ToSnapshot(), Json),
                session.Id.ToString("N"),
                session.StartedAt.ToUnixTimeMilliseconds(),
                previous?.ToString("N") ?? "",
                restartReason,
                startedBy,
                JsonSerializer.Serialize(session.LatestVitals, Json),
                .. OutboxStore.AsArguments(outbox),
            ]);
        return (int)result == 1;
    }

    public async Task<InfusionSession?> FindAsync(Guid id)
    {
        var snapshot = await redis.GetDatabase().HashGetAsync(SessionKey(id), "snapshot");
        return snapshot.IsNullOrEmpty
            ? null
            : InfusionSession.FromSnapshot(JsonSerializer.Deserialize<InfusionSessionSnapshot>((string)snapshot!, Json)!);
    }

    /// <summary>Stores the session if nobody changed it since <paramref name="expectedVersion"/> (-1 for a new one).</summary>
    public async Task<bool> TrySaveAsync(InfusionSession session, long expectedVersion, IReadOnlyList<OutboxEntry> outbox)
    {
        var snapshot = session.ToSnapshot();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CompareAndSetScript,
            [SessionKey(session.Id), ActiveIndexKey, OutboxStore.Key, VitalsKey(session.Id)],
            [
                expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(snapshot, Json),
                session.Id.ToString("N"),
                session.StartedAt.ToUnixTimeMilliseconds(),
                session.IsActive ? "1" : "0",
                session.RecordedVitals.Count,
                .. session.RecordedVitals.Select(r => (RedisValue)JsonSerializer.Serialize(r, Json)),
                .. OutboxStore.AsArguments(outbox),
            ]);
        return (int)result == 1;
    }

    /// <summary>Every vitals reading of an infusion, the baseline first.</summary>
    public async Task<IReadOnlyList<VitalsReading>> VitalsHistoryAsync(Guid id)
    {
        var readings = await redis.GetDatabase().ListRangeAsync(VitalsKey(id));
        return readings.Select(r => JsonSerializer.Deserialize<VitalsReading>((string)r!, Json)!).ToList();
    }

    /// <summary>Active sessions, oldest first, from <paramref name="offset"/>; plus whether more follow.</summary>
    public async Task<(IReadOnlyList<InfusionSession> Sessions, bool HasMore)> ListActiveAsync(int offset, int count)
    {
        var db = redis.GetDatabase();
        var ids = await db.SortedSetRangeByRankAsync(ActiveIndexKey, offset, offset + count);
        // All reads at once (pipelined on the one connection), not one round trip after another.
        var found = await Task.WhenAll(ids.Take(count)
            .Select(id => Guid.TryParse((string?)id, out var guid) ? FindAsync(guid) : Task.FromResult<InfusionSession?>(null)));
        return ([.. found.OfType<InfusionSession>()], ids.Length > count);
    }
}
