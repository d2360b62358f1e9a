using System.Threading.Channels;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Fan-out of "infusion changed" and "alert raised" notices over Redis pub/sub, so every replica's
/// WatchInfusion/WatchAlerts streams see changes made by any replica. Notices carry ids only; the
/// stream reads the current state from the store (a missed notice never leaves a stale view for long).
/// </summary>
public sealed class LiveUpdates(IConnectionMultiplexer redis)
{
    private static readonly RedisChannel InfusionChannel = RedisChannel.Literal("monitoring:updates:infusions");
    private static readonly RedisChannel AlertChannel = RedisChannel.Literal("monitoring:updates:alerts");

    public Task InfusionChangedAsync(Guid infusionId) =>
        redis.GetSubscriber().PublishAsync(InfusionChannel, infusionId.ToString("N"));

    public Task AlertChangedAsync(Guid alertId) =>
        redis.GetSubscriber().PublishAsync(AlertChannel, alertId.ToString("N"));

    public Task<LiveSubscription> SubscribeInfusionsAsync(CancellationToken cancellationToken) =>
        SubscribeAsync(InfusionChannel, cancellationToken);

    public Task<LiveSubscription> SubscribeAlertsAsync(CancellationToken cancellationToken) =>
        SubscribeAsync(AlertChannel, cancellationToken);

    private async Task<LiveSubscription> SubscribeAsync(RedisChannel channel, CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(channel);
        var subscription = new LiveSubscription(queue, cancellationToken);
        queue.OnMessage(message =>
        {
            if (Guid.TryParse((string?)message.Message, out var id))
            {
                subscription.Offer(id);
            }
        });
        return subscription;
    }
}

/// <summary>
/// One stream's subscription: ids of changed items, at most <see cref="Capacity"/> waiting. A stream
/// that falls further behind loses the oldest notices and is told so (<see cref="TakeLagged"/>), so it
/// can catch up from the store instead of silently missing a change. Disposing it (always, however
/// the stream ends) unsubscribes from Redis, so no queue outlives its stream.
/// </summary>
public sealed class LiveSubscription : IAsyncDisposable
{
    public const int Capacity = 256;

    private readonly ChannelMessageQueue _queue;
    private readonly Channel<Guid> _channel;
    private readonly CancellationTokenRegistration _registration;
    private int _lagged;

    internal LiveSubscription(ChannelMessageQueue queue, CancellationToken cancellationToken)
    {
        _queue = queue;
        _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Exchange(ref _lagged, 1));
        _registration = cancellationToken.Register(() => _channel.Writer.TryComplete());
    }

    public ChannelReader<Guid> Reader => _channel.Reader;

    internal void Offer(Guid id) => _channel.Writer.TryWrite(id);

    /// <summary>True (once) when notices were dropped since the last call: the reader must catch up from the store.</summary>
    public bool TakeLagged() => Interlocked.Exchange(ref _lagged, 0) == 1;

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        _channel.Writer.TryComplete();
        await _queue.UnsubscribeAsync();
    }
}
