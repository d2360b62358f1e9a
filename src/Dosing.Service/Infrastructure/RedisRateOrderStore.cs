using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.RateOrders;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

public sealed class RedisRateOrderStore(IConnectionMultiplexer redis) : IRateOrderStore
{
    // KEYS[1] the reaction's rate order, KEYS[2] audit stream. ARGV[1] order, ARGV[2..4] audit entry.
    // SET NX and the audit entry together: only the delivery that stores the order audits it. Returns nil
    // when this order was stored, else the order stored first.
    private static readonly string AddOrGetScript = $"""
        if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
          {RedisAudit.AppendLua("KEYS[2]", 2)}
          return false
        end
        return redis.call('GET', KEYS[1])
        """;

    public async Task<StoredRateOrder?> FindAsync(Guid reactionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.RateOrder(reactionId));
        return value.IsNull ? null : Read(value);
    }

    public async Task<StoredRateOrder> AddOrGetAsync(StoredRateOrder order, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(audit);
        cancellationToken.ThrowIfCancellationRequested();
        var existing = await redis.GetDatabase().ScriptEvaluateAsync(AddOrGetScript,
            [RedisKeys.RateOrder(order.Order.ReactionId), RedisKeys.Audit],
            [JsonSerializer.Serialize(order, StoreJson.Options), .. RedisAudit.Arguments(audit)]);
        return existing.IsNull ? order : Read((RedisValue)existing);
    }

    private static StoredRateOrder Read(RedisValue value) =>
        JsonSerializer.Deserialize<StoredRateOrder>(value.ToString(), StoreJson.Options)
        ?? throw new InvalidOperationException("A stored rate order cannot be read.");
}
