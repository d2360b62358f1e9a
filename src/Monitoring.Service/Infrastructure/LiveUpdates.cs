using System.Collections.Concurrent;
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
/// <remarks>
/// The process subscribes to each channel once, on first use, and hands each notice to the streams that
/// want it (a WatchInfusion stream gets its own infusion's notices only). A Redis subscribe and unsubscribe
/// per stream was slower, and under load a stream's subscribe now and then never completed, so the stream
/// never opened. StackExchange.Redis renews the subscriptions after a reconnect.
/// </remarks>
public sealed class LiveUpdates(IConnectionMultiplexer redis)
{
    private static readonly RedisChannel InfusionChannel = RedisChannel.Literal("monitoring:updates:infusions");
    private static readonly RedisChannel AlertChannel = RedisChannel.Literal("monitoring:updates:alerts");

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<LiveSubscription<Guid>, byte>> _infusionWatchers = new();
    private readonly ConcurrentDictionary<LiveSubscription<Alert>, byte> _alertWatchers = new();
    private readonly Lock _subscribing = new();
    private readonly Lock _watching = new();
    private Task? _subscribed;

    public Task InfusionChangedAsync(Guid infusionId) =>
        redis.GetSubscriber().PublishAsync(InfusionChannel, infusionId.ToString("N"));

    /// <summary>Announces <paramref name="alert"/> as just stored (raised, or acknowledged).</summary>
    public Task AlertChangedAsync(Alert alert) =>
        redis.GetSubscriber().PublishAsync(AlertChannel, AlertStore.Serialize(alert));

    /// <summary>Notices of changes to one infusion.</summary>
    public async Task<LiveSubscription<Guid>> SubscribeInfusionAsync(Guid infusionId, CancellationToken cancellationToken)
    {
        await EnsureSubscribedAsync().WaitAsync(cancellationToken);
        LiveSubscription<Guid>? subscription = null;
        subscription = new LiveSubscription<Guid>(cancellationToken, () =>
        {
            lock (_watching)
            {
                if (_infusionWatchers.TryGetValue(infusionId, out var watchers) && watchers.TryRemove(subscription!, out _) && watchers.IsEmpty)
                {
                    _infusionWatchers.TryRemove(infusionId, out _);
                }
            }
        });
        // Joining and leaving under one lock, so a watcher never joins a set that is being dropped; the
        // notice handler only reads.
        lock (_watching)
        {
            _infusionWatchers.GetOrAdd(infusionId, _ => new())[subscription] = 0;
        }
        return subscription;
    }

    /// <summary>Every alert raised or changed, by any replica.</summary>
    public async Task<LiveSubscription<Alert>> SubscribeAlertsAsync(CancellationToken cancellationToken)
    {
        await EnsureSubscribedAsync().WaitAsync(cancellationToken);
        LiveSubscription<Alert>? subscription = null;
        subscription = new LiveSubscription<Alert>(cancellationToken, () => _alertWatchers.TryRemove(subscription!, out _));
        _alertWatchers[subscription] = 0;
        return subscription;
    }

    private Task EnsureSubscribedAsync()
    {
        lock (_subscribing)
        {
            // A failed attempt (Redis unreachable) is retried by the next stream.
            if (_subscribed is null || _subscribed.IsFaulted || _subscribed.IsCanceled)
            {
                _subscribed = SubscribeBothAsync();
            }
            return _subscribed;
        }
    }

    private async Task SubscribeBothAsync()
    {
        var subscriber = redis.GetSubscriber();
        // Queues keep each channel's notices in order (one reader each).
        (await subscriber.SubscribeAsync(InfusionChannel)).OnMessage(message =>
        {
            if (Guid.TryParse((string?)message.Message, out var id) && _infusionWatchers.TryGetValue(id, out var watchers))
            {
                foreach (var watcher in watchers.Keys)
                {
                    watcher.Offer(id);
                }
            }
        });
        (await subscriber.SubscribeAsync(AlertChannel)).OnMessage(message =>
        {
            if (!_alertWatchers.IsEmpty && ReadAlert(message.Message) is { } alert)
            {
                foreach (var watcher in _alertWatchers.Keys)
                {
                    watcher.Offer(alert);
                }
            }
        });
    }

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
}

/// <summary>
/// One stream's subscription: changed items, at most <see cref="LiveSubscription.Capacity"/> waiting. A
/// stream that falls further behind loses the oldest notices and is told so (<see cref="TakeLagged"/>), so it
/// can catch up from the store instead of silently missing a change. Disposing it (always, however the
/// stream ends) stops its notices, so no queue outlives its stream.
/// </summary>
public sealed class LiveSubscription<T> : IAsyncDisposable
{
    private readonly Channel<T> _channel;
    private readonly CancellationTokenRegistration _registration;
    private readonly Action _remove;
    private int _lagged;

    internal LiveSubscription(CancellationToken cancellationToken, Action remove)
    {
        _remove = remove;
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
        _remove();
        await _registration.DisposeAsync();
        _channel.Writer.TryComplete();
    }
}

/// <summary>The bound shared by every live subscription.</summary>
public static class LiveSubscription
{
    /// <summary>Notices one stream may have waiting (a second of a very busy ward) before the oldest are dropped.</summary>
    public const int Capacity = 1024;
}
