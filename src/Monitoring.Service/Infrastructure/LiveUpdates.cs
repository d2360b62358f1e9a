using System.Text.Json;
using System.Threading.Channels;
using Ivig.Monitoring.Domain;
using StackExchange.Redis;

namespace Ivig.Monitoring.Infrastructure;

/// <summary>
/// Fan-out of "infusion changed" and "alert raised or changed" notices over Redis pub/sub, so every
/// replica's WatchInfusion/WatchAlerts streams see changes made by any replica. An infusion notice carries
/// its id only (the stream reads the current state from the store, so a missed notice never leaves a stale
/// view for long); an alert notice carries the alert as stored, versioned, so a ward's alert feed is not
/// one store read per alert per watcher (docs/performance.md).
/// </summary>
public sealed class LiveUpdates(IConnectionMultiplexer redis)
{
    private static readonly RedisChannel InfusionChannel = RedisChannel.Literal("monitoring:updates:infusions");
    private static readonly RedisChannel AlertChannel = RedisChannel.Literal("monitoring:updates:alerts");

    public Task InfusionChangedAsync(Guid infusionId) =>
        redis.GetSubscriber().PublishAsync(InfusionChannel, infusionId.ToString("N"));

    /// <summary>Announces <paramref name="alert"/> as just stored (raised, or acknowledged).</summary>
    public Task AlertChangedAsync(Alert alert) =>
        redis.GetSubscriber().PublishAsync(AlertChannel, AlertStore.Serialize(alert));

    public Task<LiveSubscription<Guid>> SubscribeInfusionsAsync(CancellationToken cancellationToken) =>
        SubscribeAsync(InfusionChannel, message => Guid.TryParse((string?)message, out var id) ? (true, id) : (false, id), cancellationToken);

    public Task<LiveSubscription<Alert>> SubscribeAlertsAsync(CancellationToken cancellationToken) =>
        SubscribeAsync(AlertChannel, message => ReadAlert(message) is { } alert ? (true, alert) : (false, null!), cancellationToken);

    private static Alert? ReadAlert(RedisValue message)
    {
        try
        {
            return AlertStore.Deserialize((string?)message);
        }
        catch (JsonException)
        {
            return null; // not an alert this version wrote: ignored, like any unreadable notice
        }
    }

    private async Task<LiveSubscription<T>> SubscribeAsync<T>(RedisChannel channel, Func<RedisValue, (bool Read, T Item)> read, CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(channel);
        var subscription = new LiveSubscription<T>(queue, cancellationToken);
        queue.OnMessage(message =>
        {
            if (read(message.Message) is (true, var item))
            {
                subscription.Offer(item);
            }
        });
        return subscription;
    }
}

/// <summary>
/// One stream's subscription: changed items, at most <see cref="LiveSubscription.Capacity"/> waiting. A
/// stream that falls further behind loses the oldest notices and is told so (<see cref="TakeLagged"/>), so it
/// can catch up from the store instead of silently missing a change. Disposing it (always, however the
/// stream ends) unsubscribes from Redis, so no queue outlives its stream.
/// </summary>
public sealed class LiveSubscription<T> : IAsyncDisposable
{
    private readonly ChannelMessageQueue _queue;
    private readonly Channel<T> _channel;
    private readonly CancellationTokenRegistration _registration;
    private int _lagged;

    internal LiveSubscription(ChannelMessageQueue queue, CancellationToken cancellationToken)
    {
        _queue = queue;
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(LiveSubscription.Capacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Exchange(ref _lagged, 1));
        _registration = cancellationToken.Register(() => _channel.Writer.TryComplete());
    }

    public ChannelReader<T> Reader => _channel.Reader;

    internal void Offer(T item) => _channel.Writer.TryWrite(item);

    /// <summary>True (once) when notices were dropped since the last call: the reader must catch up from the store.</summary>
    public bool TakeLagged() => Interlocked.Exchange(ref _lagged, 0) == 1;

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        _channel.Writer.TryComplete();
        await _queue.UnsubscribeAsync();
    }
}

/// <summary>The bound shared by every live subscription.</summary>
public static class LiveSubscription
{
    /// <summary>Notices one stream may have waiting (a second of a very busy ward) before the oldest are dropped.</summary>
    public const int Capacity = 1024;
}
