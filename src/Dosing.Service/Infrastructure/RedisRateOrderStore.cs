using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.RateOrders;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

public sealed class RedisRateOrderStore(IConnectionMultiplexer redis) : IRateOrderStore
{
    public async Task<StoredRateOrder?> FindAsync(Guid reactionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.RateOrder(reactionId));
        return value.IsNull ? null : JsonSerializer.Deserialize<StoredRateOrder>(value.ToString(), StoreJson.Options);
    }

    public async Task<StoredRateOrder> AddOrGetAsync(StoredRateOrder order, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(audit);
        cancellationToken.ThrowIfCancellationRequested();
        var reactionId = order.Order.ReactionId;
        var key = RedisKeys.RateOrder(reactionId);
        var transaction = redis.GetDatabase().CreateTransaction();
        // SET NX with the audit entry in the same transaction: only the delivery that stores the order audits it.
        transaction.AddCondition(Condition.KeyNotExists(key));
        _ = transaction.StringSetAsync(key, JsonSerializer.Serialize(order, StoreJson.Options));
        _ = RedisAudit.Append(transaction, audit);
        if (await transaction.ExecuteAsync())
        {
            return order;
        }

        return await FindAsync(reactionId, cancellationToken)
            ?? throw new InvalidOperationException($"The rate order of reaction {reactionId} exists but cannot be read.");
    }
}
