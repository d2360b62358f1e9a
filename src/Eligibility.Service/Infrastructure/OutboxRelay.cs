using MassTransit;
using StackExchange.Redis;

namespace Ivig.Eligibility.Infrastructure;

/// <summary>
/// Sends the EligibilityAssessed events left in the Redis outbox (broker down, service stopped between the
/// write and the publish), so every stored assessment is eventually announced. Entries younger than
/// <see cref="MinimumAge"/> are left to the request that queued them. Delivery is at least once.
/// </summary>
public sealed partial class OutboxRelay(
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(30);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RelayOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Publishes the waiting entries old enough to be orphans; returns how many were sent.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var sent = 0;
        await using var scope = scopes.CreateAsyncScope();
        var publishEndpoint = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var waiting = new List<HashEntry>(BatchSize);
        await foreach (var field in db.HashScanAsync(RedisKeys.Outbox, pageSize: BatchSize).WithCancellation(cancellationToken))
        {
            waiting.Add(field);
            if (waiting.Count == BatchSize)
            {
                break;
            }
        }

        foreach (var field in waiting)
        {
            var entry = StoreJson.Deserialize<OutboxEntry>(field.Value.ToString());
            if (time.GetUtcNow() - entry.QueuedAt < MinimumAge)
            {
                continue;
            }

            await OutboxEventPublisher.Publish(publishEndpoint, entry.Event, cancellationToken);
            await db.HashDeleteAsync(RedisKeys.Outbox, field.Name);
            sent++;
        }

        if (sent > 0)
        {
            LogRelayed(logger, sent);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not publish; will retry")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay published {Count} EligibilityAssessed event(s)")]
    private static partial void LogRelayed(ILogger logger, int count);
}
