using System.Text.Json;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

public sealed class RedisRegimenPlannedOutbox(IConnectionMultiplexer redis) : IRegimenPlannedOutbox
{
    public Task MarkPublishedAsync(Guid regimenId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return redis.GetDatabase().HashDeleteAsync(RedisKeys.RegimenPlannedOutbox, regimenId.ToString("D"));
    }

    public async Task<IReadOnlyList<RegimenPlanned>> PendingAsync(DateTimeOffset plannedBefore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await redis.GetDatabase().HashGetAllAsync(RedisKeys.RegimenPlannedOutbox);
        return [.. entries
            .Select(e => JsonSerializer.Deserialize<RegimenPlanned>(e.Value.ToString(), StoreJson.Options))
            .OfType<RegimenPlanned>()
            .Where(p => p.PlannedAt < plannedBefore)
            .OrderBy(p => p.PlannedAt)];
    }
}
