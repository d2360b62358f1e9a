using System.Collections.Concurrent;
using Ivig.IntegrationEvents;
using MassTransit;

namespace Ivig.Resilience.Faults;

/// <summary>
/// A downstream system listening on the suite's broker: a durable queue bound to the events a hospital
/// integration would consume, so it keeps receiving across a broker restart. Records each event by
/// its business key and counts deliveries per message id (at-least-once: a duplicate keeps its id).
/// </summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly string _queue = "resilience-recorder-" + Guid.NewGuid().ToString("N")[..8];

    public ConcurrentDictionary<Guid, InfusionReactionReported> Reactions { get; } = new();
    public ConcurrentDictionary<Guid, ClinicalAlertRaised> Alerts { get; } = new();
    public ConcurrentDictionary<Guid, InfusionRateChanged> RateChangesByOrder { get; } = new();

    private EventRecorder(Uri broker)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker);
            cfg.ReceiveEndpoint(_queue, endpoint =>
            {
                endpoint.Durable = true;
                endpoint.AutoDelete = false;
                endpoint.Handler<InfusionReactionReported>(c => Record(Reactions, c.Message.ReactionId, c.Message));
                endpoint.Handler<ClinicalAlertRaised>(c => Record(Alerts, c.Message.AlertId, c.Message));
                endpoint.Handler<InfusionRateChanged>(c => c.Message.OrderId is { } order ? Record(RateChangesByOrder, order, c.Message) : Task.CompletedTask);
            });
        });
    }

    public static async Task<EventRecorder> StartAsync(Uri broker)
    {
        var recorder = new EventRecorder(broker);
        var handle = await recorder._bus.StartAsync();
        await handle.Ready;
        return recorder;
    }

    private static Task Record<T>(ConcurrentDictionary<Guid, T> into, Guid key, T message)
    {
        into[key] = message;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
