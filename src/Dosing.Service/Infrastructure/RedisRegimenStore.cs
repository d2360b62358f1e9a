using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

public sealed class RedisRegimenStore(IConnectionMultiplexer redis) : IRegimenStore
{
    // KEYS[1] regimen, KEYS[2] audit stream, KEYS[3] RegimenPlanned outbox. ARGV[1] regimen, ARGV[2..4]
    // audit entry, ARGV[5] regimen id, ARGV[6] RegimenPlanned. Regimens are immutable: written only if new,
    // together with their audit entry and their announcement, or not at all.
    private static readonly string AddScript = $"""
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[1], ARGV[1])
        {RedisAudit.AppendLua("KEYS[2]", 2)}
        redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
        return 1
        """;

    public async Task AddAsync(V1.Regimen regimen, AuditEntry audit, RegimenPlanned planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(planned);
        cancellationToken.ThrowIfCancellationRequested();
        var added = await redis.GetDatabase().ScriptEvaluateAsync(AddScript,
            [RedisKeys.Regimen(planned.RegimenId), RedisKeys.Audit, RedisKeys.RegimenPlannedOutbox],
            [
                StoreJson.ProtoFormatter.Format(regimen),
                .. RedisAudit.Arguments(audit),
                planned.RegimenId.ToString("D"),
                JsonSerializer.Serialize(planned, StoreJson.Options),
            ]);
        if ((int)added != 1)
        {
            throw new InvalidOperationException($"Regimen {planned.RegimenId} already exists; a stored regimen is never overwritten.");
        }
    }

    public async Task<V1.Regimen?> GetAsync(Guid regimenId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Regimen(regimenId));
        return value.IsNull ? null : StoreJson.ProtoParser.Parse<V1.Regimen>(value.ToString());
    }
}
