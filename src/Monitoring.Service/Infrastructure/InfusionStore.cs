using System.Text.Json;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Infrastructure.Outbox;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Infusion sessions in Redis: one hash per session (its version and JSON snapshot), a list per session
/// of its vitals readings (appended, never rewritten: a long infusion's writes stay small), a sorted
/// set of the active ones by start time and another of the active ones by when the safety watchdog must
/// next look at them (<see cref="SafetyCheckSchedule"/>). Writes are compare-and-set on the version (a Lua
/// script), so two concurrent updates of one session can never both land; both indexes change in the same
/// script. The change's effects (events, alerts) go into the outbox in the same script: stored together
/// with the change or not at all. Nothing here expires.
/// </summary>
public sealed class InfusionStore(IConnectionMultiplexer redis, SafetyCheckSchedule checks) : IDisposable
{
    /// <summary>Active sessions' snapshots as this process last wrote or read them (see <see cref="FindAsync"/>).</summary>
    private const int MaxKnownSessions = 20_000;

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = MaxKnownSessions });

    private const string ActiveIndexKey = "monitoring:infusions:active";
    private const string DueIndexKey = "monitoring:infusions:check-due";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS[1] session hash, KEYS[2] active index, KEYS[3] outbox, KEYS[4] vitals list, KEYS[5] check-due index.
    // ARGV: expected version, new version, snapshot, id, start score, active(1/0), check-due score, n,
    // n readings, then outbox (id, entry) pairs.
    private static readonly string CompareAndSetScript = $"""
        local current = redis.call('HGET', KEYS[1], 'version')
        if (current or '-1') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[2], 'snapshot', ARGV[3])
        if ARGV[6] == '1' then
          redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
          redis.call('ZADD', KEYS[5], ARGV[7], ARGV[4])
        else
          redis.call('ZREM', KEYS[2], ARGV[4])
          redis.call('ZREM', KEYS[5], ARGV[4])
        end
        local n = tonumber(ARGV[8])
        for i = 9, 8 + n do redis.call('RPUSH', KEYS[4], ARGV[i]) end
        {OutboxStore.AppendLua("KEYS[3]", "9 + n")}
        return 1
        """;

    // KEYS[1] session hash, KEYS[2] active index, KEYS[3] the regimen day's latest infusion, KEYS[4] outbox,
    // KEYS[5] vitals list, KEYS[6] check-due index. ARGV: version, snapshot, id, start score, expected latest
    // infusion ('' for none), restart reason, who, the baseline reading, check-due score, then outbox
    // (id, entry) pairs.
    private static readonly string CreateScript = $"""
        if (redis.call('GET', KEYS[3]) or '') ~= ARGV[5] then return 0 end
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'snapshot', ARGV[2], 'restart_of', ARGV[5], 'restart_reason', ARGV[6], 'started_by', ARGV[7])
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
        redis.call('ZADD', KEYS[6], ARGV[9], ARGV[3])
        redis.call('SET', KEYS[3], ARGV[3])
        redis.call('RPUSH', KEYS[5], ARGV[8])
        {OutboxStore.AppendLua("KEYS[4]", "10")}
        return 1
        """;

    // KEYS[1] session hash, KEYS[2] check-due index. ARGV: id, the version the check read, new score ('' to
    // drop). A session changed since then was re-indexed by that change, which wins.
    private const string RescheduleScript = """
        local current = redis.call('HGET', KEYS[1], 'version')
        if not current then redis.call('ZREM', KEYS[2], ARGV[1]) return 1 end
        if current ~= ARGV[2] then return 0 end
        if ARGV[3] == '' then redis.call('ZREM', KEYS[2], ARGV[1]) else redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[1]) end
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
        var snapshot = session.ToSnapshot();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CreateScript,
            [SessionKey(session.Id), ActiveIndexKey, RegimenDayKey(session.RegimenId, session.DayNumber), OutboxStore.Key, VitalsKey(session.Id), DueIndexKey],
            [
                session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(snapshot, Json),
                session.Id.ToString("N"),
                session.StartedAt.ToUnixTimeMilliseconds(),
                previous?.ToString("N") ?? "",
                restartReason,
                startedBy,
                JsonSerializer.Serialize(session.LatestVitals, Json),
                CheckDueScore(session),
                .. OutboxStore.AsArguments(outbox),
            ]);
        if ((int)result != 1)
        {
            return false;
        }
        _ = Remember(snapshot);
        return true;
    }

    // KEYS[1] session hash. ARGV[1] the version this process holds. Nil when that is still the stored
    // version, else the stored snapshot (nil too when there is none: then ARGV[1] was never stored).
    private const string ReadIfChangedScript = """
        if redis.call('HGET', KEYS[1], 'version') == ARGV[1] then return false end
        return redis.call('HGET', KEYS[1], 'snapshot')
        """;

    /// <summary>
    /// The stored session. When this process holds the version it last wrote or read, Redis is asked only
    /// whether that is still the stored version (replicas and restarts are seen at once) and the snapshot is
    /// not sent and parsed again: reading and parsing it was the largest part of applying a reaction or a
    /// rate order, and of listing a ward (docs/performance.md).
    /// </summary>
    public async Task<InfusionSession?> FindAsync(Guid id) => (await FindManyAsync([id]))[0];

    /// <summary>Several sessions (each as <see cref="FindAsync"/>) in one pipelined batch; null where a session does not exist.</summary>
    public async Task<IReadOnlyList<InfusionSession?>> FindManyAsync(IReadOnlyList<Guid> ids)
    {
        var db = redis.GetDatabase();
        var reads = ids.Select(async id =>
        {
            if (_known.TryGetValue(id, out InfusionSessionSnapshot? known) && known is not null)
            {
                var changed = await db.ScriptEvaluateAsync(ReadIfChangedScript, [SessionKey(id)],
                    [known.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                return changed.IsNull ? InfusionSession.FromSnapshot(known) : Remember(Read((RedisValue)changed));
            }
            return Remember(Read(await db.HashGetAsync(SessionKey(id), "snapshot")));
        });
        return await Task.WhenAll(reads);
    }

    private static InfusionSessionSnapshot? Read(RedisValue snapshot) => snapshot.IsNullOrEmpty
        ? null
        : JsonSerializer.Deserialize<InfusionSessionSnapshot>((string)snapshot!, Json);

    /// <summary>Keeps an active session's snapshot (the version just written or read); forgets an ended one.</summary>
    private InfusionSession? Remember(InfusionSessionSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return null;
        }
        if (snapshot.State is InfusionState.Running or InfusionState.Paused)
        {
            _known.Set(snapshot.Id, snapshot, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
        else
        {
            _known.Remove(snapshot.Id);
        }
        return InfusionSession.FromSnapshot(snapshot);
    }

    public void Dispose() => _known.Dispose();

    private RedisValue CheckDueScore(InfusionSession session) =>
        checks.NextCheckAt(session) is { } at ? at.ToUnixTimeMilliseconds() : RedisValue.EmptyString;

    /// <summary>Active infusions the safety watchdog must look at by <paramref name="now"/>, the most overdue first.</summary>
    public async Task<IReadOnlyList<Guid>> DueForCheckAsync(DateTimeOffset now)
    {
        var ids = await redis.GetDatabase().SortedSetRangeByScoreAsync(DueIndexKey, double.NegativeInfinity, now.ToUnixTimeMilliseconds());
        return [.. ids.Select(id => Guid.TryParse((string?)id, out var guid) ? guid : Guid.Empty).Where(id => id != Guid.Empty)];
    }

    /// <summary>
    /// After the watchdog looked at <paramref name="id"/> as of <paramref name="version"/>: look next at
    /// <paramref name="at"/> (null: never, the infusion has ended). Ignored if the session changed since.
    /// </summary>
    public async Task RescheduleCheckAsync(Guid id, long version, DateTimeOffset? at) =>
        await redis.GetDatabase().ScriptEvaluateAsync(RescheduleScript, [SessionKey(id), DueIndexKey],
            [id.ToString("N"), version.ToString(System.Globalization.CultureInfo.InvariantCulture),
             at is { } when ? when.ToUnixTimeMilliseconds() : RedisValue.EmptyString]);

    /// <summary>
    /// Puts every active infusion missing from the check-due index (stored before the index existed) in it
    /// as due now, so the next sweep looks at it and schedules it. Scheduled ones keep their time.
    /// </summary>
    public Task IndexUnscheduledAsync() =>
        // Union with the active set weighted 0: a member only in the active set gets score 0 (due at once);
        // MAX keeps every scheduled member's own (positive) time.
        redis.GetDatabase().SortedSetCombineAndStoreAsync(SetOperation.Union, DueIndexKey, [DueIndexKey, ActiveIndexKey], [1, 0], Aggregate.Max);

    public Task<long> CountActiveAsync() => redis.GetDatabase().SortedSetLengthAsync(ActiveIndexKey);

    /// <summary>Stores the session if nobody changed it since <paramref name="expectedVersion"/> (-1 for a new one).</summary>
    public async Task<bool> TrySaveAsync(InfusionSession session, long expectedVersion, IReadOnlyList<OutboxEntry> outbox)
    {
        var snapshot = session.ToSnapshot();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CompareAndSetScript,
            [SessionKey(session.Id), ActiveIndexKey, OutboxStore.Key, VitalsKey(session.Id), DueIndexKey],
            [
                expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(snapshot, Json),
                session.Id.ToString("N"),
                session.StartedAt.ToUnixTimeMilliseconds(),
                session.IsActive ? "1" : "0",
                CheckDueScore(session),
                session.RecordedVitals.Count,
                .. session.RecordedVitals.Select(r => (RedisValue)JsonSerializer.Serialize(r, Json)),
                .. OutboxStore.AsArguments(outbox),
            ]);
        if ((int)result != 1)
        {
            _known.Remove(session.Id); // changed elsewhere: the next attempt reads it from Redis
            return false;
        }
        _ = Remember(snapshot);
        return true;
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
        var found = await FindManyAsync([.. ids.Take(count).Select(id => Guid.TryParse((string?)id, out var guid) ? guid : Guid.Empty)]);
        return ([.. found.OfType<InfusionSession>()], ids.Length > count);
    }
}
