using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Infrastructure.Outbox;

namespace Ivig.Monitoring.Features.Outbox;

/// <summary>
/// Carries out a stored change's effects, in order: raise its alerts (idempotent by their deduplication
/// keys) and publish its events. Each entry leaves the outbox only when its effect has happened, so a
/// crash or a broker outage part-way through leaves the rest for the relay.
/// </summary>
public sealed class OutboxDispatcher(OutboxPublisher publisher, AlertRaiser alerts, OutboxStore outbox)
{
    /// <returns>True when every effect happened. After the first publish that fails (the broker is
    /// evidently unreachable) the other publishes wait in the outbox for the relay; alerts, which need
    /// only Redis, are still raised at once.</returns>
    public async Task<bool> DispatchAsync(IReadOnlyList<OutboxEntry> entries, TimeSpan publishWait, CancellationToken cancellationToken = default)
    {
        var brokerReachable = true;
        foreach (var entry in entries)
        {
            switch (entry.Effect)
            {
                case OutboxEffect.RaiseAlert:
                    await alerts.RaiseAsync(OutboxEntries.ReadAlert(entry), cancellationToken);
                    await outbox.RemoveAsync(entry.Id);
                    break;
                case OutboxEffect.Publish when brokerReachable:
                    brokerReachable = await publisher.PublishAsync(entry, publishWait, cancellationToken);
                    break;
                case OutboxEffect.Publish:
                    break;
                default:
                    throw new InvalidOperationException($"Outbox entry {entry.Id} has an unknown effect {entry.Effect}.");
            }
        }
        return brokerReachable;
    }
}
