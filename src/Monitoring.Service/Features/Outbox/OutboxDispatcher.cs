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
    /// <returns>True when every effect happened.</returns>
    public async Task<bool> DispatchAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        var all = true;
        foreach (var entry in entries)
        {
            switch (entry.Effect)
            {
                case OutboxEffect.RaiseAlert:
                    await alerts.RaiseAsync(OutboxEntries.ReadAlert(entry), cancellationToken);
                    await outbox.RemoveAsync(entry.Id);
                    break;
                case OutboxEffect.Publish:
                    all &= await publisher.PublishAsync(entry, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Outbox entry {entry.Id} has an unknown effect {entry.Effect}.");
            }
        }
        return all;
    }
}
