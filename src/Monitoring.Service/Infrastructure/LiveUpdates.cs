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
        var output = Channel.CreateBounded<Guid>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var queue = await redis.GetSubscriber().SubscribeAsync(channel);
        queue.OnMessage(message =>
        {
            if (Guid.TryParse((string?)message.Message, out var id))
            {
                output.Writer.TryWrite(id);
            }
        });
        return new LiveSubscription(queue, output, cancellationToken);
    }
}

/// <summary>
/// One stream's subscription: ids of changed items. Disposing it (always, however the stream ends:
/// cancelled, failed or completed) unsubscribes from Redis, so no queue outlives its stream.
/// </summary>
public sealed class LiveSubscription : IAsyncDisposable
{
    private readonly ChannelMessageQueue _queue;
    private readonly Channel<Guid> _channel;
    private readonly CancellationTokenRegistration _registration;

    internal LiveSubscription(ChannelMessageQueue queue, Channel<Guid> channel, CancellationToken cancellationToken)
    {
        _queue = queue;
        _channel = channel;
        _registration = cancellationToken.Register(() => channel.Writer.TryComplete());
    }

    public ChannelReader<Guid> Reader => _channel.Reader;

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        _channel.Writer.TryComplete();
        await _queue.UnsubscribeAsync();
    }
}
