using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

public sealed class RedisRegimenStore(IConnectionMultiplexer redis) : IRegimenStore
{
    public async Task AddAsync(V1.Regimen regimen, AuditEntry audit, RegimenPlanned planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(planned);
        cancellationToken.ThrowIfCancellationRequested();
        var key = RedisKeys.Regimen(planned.RegimenId);
        var transaction = redis.GetDatabase().CreateTransaction();
        // Regimens are immutable: the write happens only if the key is new (WATCH + MULTI/EXEC).
        transaction.AddCondition(Condition.KeyNotExists(key));
        _ = transaction.StringSetAsync(key, StoreJson.ProtoFormatter.Format(regimen));
        _ = RedisAudit.Append(transaction, audit);
        _ = transaction.HashSetAsync(RedisKeys.RegimenPlannedOutbox, planned.RegimenId.ToString("D"), JsonSerializer.Serialize(planned, StoreJson.Options));
        if (!await transaction.ExecuteAsync())
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
