using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Message ids a consumer has fully handled, kept in Redis so a redelivered event (at-least-once
/// delivery, a replica crash, a retry) changes nothing twice. Kept for 30 days: far longer than any
/// redelivery window, and ids are not clinical data.
/// </summary>
public sealed class ProcessedMessages(IConnectionMultiplexer redis)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static RedisKey Key(string consumer, string messageId) => $"monitoring:processed:{consumer}:{messageId}";

    public async Task<bool> WasProcessedAsync(string consumer, string messageId) =>
        await redis.GetDatabase().KeyExistsAsync(Key(consumer, messageId));

    public Task MarkProcessedAsync(string consumer, string messageId) =>
        redis.GetDatabase().StringSetAsync(Key(consumer, messageId), "1", Retention);
}
