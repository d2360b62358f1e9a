using System.Globalization;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Features.Paging;
using Ivig.IntegrationEvents;
using StackExchange.Redis;

namespace Ivig.Eligibility.Infrastructure;

/// <summary>
/// Assessments, overrides and the audit trail in Redis (keys in <see cref="RedisKeys"/>). Each write is one
/// Lua script, which Redis runs atomically, so a reader never sees an assessment without its index and audit
/// entry, nor an override without its audit entry; and "one override only" holds across replicas.
/// </summary>
public sealed class RedisAssessmentStore(IConnectionMultiplexer redis) : IAssessmentStore
{
    private const string RecordField = "record";
    private const string OverrideField = "override";

    // KEYS: 1 assessment hash, 2 patient index, 3 audit entries, 4 audit index, 5 assessment audit index, 6 outbox.
    // ARGV: 1 record, 2 assessment member, 3 assessed-at ms, 4 audit member, 5 audit entry, 6 audit ms, 7 outbox entry.
    private const string AddScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'record', ARGV[1])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
        redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
        redis.call('ZADD', KEYS[4], ARGV[6], ARGV[4])
        redis.call('ZADD', KEYS[5], ARGV[6], ARGV[4])
        redis.call('HSET', KEYS[6], ARGV[2], ARGV[7])
        return 1
        """;

    // KEYS: 1 assessment hash, 2 audit entries, 3 audit index, 4 assessment audit index.
    // ARGV: 1 override, 2 audit member, 3 audit entry, 4 audit ms. Returns -1 no assessment, 0 already overridden, 1 added.
    private const string OverrideScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        if redis.call('HSETNX', KEYS[1], 'override', ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
        redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
        redis.call('ZADD', KEYS[4], ARGV[4], ARGV[2])
        return 1
        """;

    public async Task AddAsync(AssessmentRecord assessment, AuditRecord audit, EligibilityAssessed assessed, CancellationToken cancellationToken)
    {
        var added = await redis.GetDatabase().ScriptEvaluateAsync(
            AddScript,
            [
                RedisKeys.Assessment(assessment.AssessmentId),
                RedisKeys.PatientAssessments(assessment.PatientReference),
                RedisKeys.AuditEntries,
                RedisKeys.AuditIndex,
                RedisKeys.AssessmentAudit(assessment.AssessmentId),
                RedisKeys.Outbox,
            ],
            [
                StoreJson.Serialize(assessment with { Override = null }),
                RedisKeys.Member(assessment.AssessmentId),
                Score(assessment.AssessedAt),
                RedisKeys.Member(audit.EntryId),
                StoreJson.Serialize(audit),
                Score(audit.At),
                StoreJson.Serialize(new OutboxEntry(assessed, assessment.AssessedAt)),
            ]).WaitAsync(cancellationToken);
        if ((int)added != 1)
        {
            // Ids are fresh version-7 Guids; a clash means a bug, and the stored assessment must not change.
            throw new InvalidOperationException($"Assessment {assessment.AssessmentId} already exists.");
        }
    }

    public async Task<AssessmentRecord?> FindAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var fields = await redis.GetDatabase()
            .HashGetAsync(RedisKeys.Assessment(assessmentId), [RecordField, OverrideField])
            .WaitAsync(cancellationToken);
        if (fields[0].IsNullOrEmpty)
        {
            return null;
        }

        var assessment = StoreJson.Deserialize<AssessmentRecord>(fields[0].ToString());
        return fields[1].IsNullOrEmpty
            ? assessment
            : assessment with { Override = StoreJson.Deserialize<OverrideRecord>(fields[1].ToString()) };
    }

    public Task<bool> ExistsAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyExistsAsync(RedisKeys.Assessment(assessmentId)).WaitAsync(cancellationToken);

    public async Task<Page<AssessmentRecord>> ListByPatientAsync(string patientReference, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var (members, next) = await PageAsync(RedisKeys.PatientAssessments(patientReference), after, pageSize, cancellationToken);
        // One pipelined round of reads; an id whose record is missing cannot happen (written atomically) and is skipped.
        var found = await Task.WhenAll(members.Select(m => FindAsync(Guid.ParseExact(m, "N"), cancellationToken)));
        return new Page<AssessmentRecord>([.. found.OfType<AssessmentRecord>()], next);
    }

    public async Task<OverrideWrite> TryAddOverrideAsync(Guid assessmentId, OverrideRecord record, AuditRecord audit, CancellationToken cancellationToken)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            OverrideScript,
            [
                RedisKeys.Assessment(assessmentId),
                RedisKeys.AuditEntries,
                RedisKeys.AuditIndex,
                RedisKeys.AssessmentAudit(assessmentId),
            ],
            [
                StoreJson.Serialize(record),
                RedisKeys.Member(audit.EntryId),
                StoreJson.Serialize(audit),
                Score(audit.At),
            ]).WaitAsync(cancellationToken);
        return (int)result switch
        {
            1 => OverrideWrite.Added,
            0 => OverrideWrite.AlreadyOverridden,
            _ => OverrideWrite.AssessmentNotFound,
        };
    }

    public async Task<Page<AuditRecord>> ListAuditAsync(Guid? assessmentId, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var index = assessmentId is { } id ? RedisKeys.AssessmentAudit(id) : RedisKeys.AuditIndex;
        var (members, next) = await PageAsync(index, after, pageSize, cancellationToken);
        if (members.Count == 0)
        {
            return new Page<AuditRecord>([], null);
        }

        var entries = await redis.GetDatabase()
            .HashGetAsync(RedisKeys.AuditEntries, [.. members.Select(m => (RedisValue)m)])
            .WaitAsync(cancellationToken);
        return new Page<AuditRecord>([.. entries.Where(e => !e.IsNullOrEmpty).Select(e => StoreJson.Deserialize<AuditRecord>(e.ToString()))], next);
    }

    /// <summary>
    /// One page of a sorted set, highest score first; equal scores come in descending member order, as
    /// ZREVRANGEBYSCORE returns them. The cursor is the last item returned, so the next page starts strictly
    /// after it even when many items share its score.
    /// </summary>
    private async Task<(List<string> Members, PageCursor? Next)> PageAsync(RedisKey key, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var items = new List<SortedSetEntry>(pageSize + 1);
        var take = pageSize + 1;
        long skip = 0;
        while (items.Count <= pageSize)
        {
            var batch = await db.SortedSetRangeByScoreWithScoresAsync(
                key,
                start: double.NegativeInfinity,
                stop: after?.Score ?? double.PositiveInfinity,
                order: Order.Descending,
                skip: skip,
                take: take).WaitAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (after is { } cursor && (long)entry.Score == cursor.Score && string.CompareOrdinal(entry.Element.ToString(), cursor.Member) >= 0)
                {
                    continue; // at or before the cursor among equal scores
                }

                items.Add(entry);
                if (items.Count > pageSize)
                {
                    break;
                }
            }

            if (batch.Length < take)
            {
                break;
            }

            skip += batch.Length;
        }

        var page = items.Take(pageSize).ToList();
        PageCursor? next = items.Count > pageSize ? new PageCursor((long)page[^1].Score, page[^1].Element.ToString()) : null;
        return ([.. page.Select(e => e.Element.ToString())], next);
    }

    private static RedisValue Score(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
