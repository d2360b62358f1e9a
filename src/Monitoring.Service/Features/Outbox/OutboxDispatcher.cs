using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Infrastructure.Outbox;

namespace Ivig.Monitoring.Features.Outbox;

/// <summary>
/// Carries out a stored change's effects: first its alerts (idempotent by their deduplication keys; Redis
/// only, so a nurse's screen and the board have them at once), then its events and the new alerts'
/// announcements. Each entry leaves the outbox only when its effect has happened, so a crash or a broker
/// outage part-way through leaves the rest for the relay.
/// </summary>
/// <remarks>
/// A request's few publishes (<see cref="DispatchChangeAsync"/>) go out side by side, so that, say, the
/// reaction's request to Dosing does not wait for the broker to confirm the alert's announcement. The relay's
/// backlog (<see cref="DispatchBacklogAsync"/>) goes one at a time and stops at the first the broker does not
/// confirm: dozens of publishes waiting on a stalled broker at once held up the safety watchdog's escalations
/// (the stalled-broker test).
/// </remarks>
public sealed class OutboxDispatcher(OutboxPublisher publisher, AlertRaiser alerts, OutboxStore outbox)
{
    /// <summary>One change's effects, right after it was stored; each publish waits at most <see cref="OutboxPublisher.RequestWait"/>.</summary>
    /// <returns>True when every effect happened; what the broker did not confirm waits in the outbox for the relay.</returns>
    public Task<bool> DispatchChangeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default) =>
        DispatchAsync(entries, OutboxPublisher.RequestWait, sideBySide: true, cancellationToken);

    /// <summary>The relay's backlog; each publish waits at most <see cref="OutboxPublisher.RelayWait"/>.</summary>
    public Task<bool> DispatchBacklogAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default) =>
        DispatchAsync(entries, OutboxPublisher.RelayWait, sideBySide: false, cancellationToken);

    private async Task<bool> DispatchAsync(IReadOnlyList<OutboxEntry> entries, TimeSpan publishWait, bool sideBySide, CancellationToken cancellationToken)
    {
        var publishes = new List<OutboxEntry>(entries.Count + 1);
        foreach (var entry in entries)
        {
            switch (entry.Effect)
            {
                case OutboxEffect.RaiseAlert:
                    if (await alerts.StoreAsync(OutboxEntries.ReadAlert(entry)) is { } announcement)
                    {
                        publishes.Add(announcement);
                    }
                    await outbox.RemoveAsync(entry.Id);
                    break;
                case OutboxEffect.Publish:
                    publishes.Add(entry);
                    break;
                default:
                    throw new InvalidOperationException($"Outbox entry {entry.Id} has an unknown effect {entry.Effect}.");
            }
        }
        if (sideBySide)
        {
            var published = await Task.WhenAll(publishes.Select(entry => publisher.PublishAsync(entry, publishWait, cancellationToken)));
            return published.All(done => done);
        }
        foreach (var entry in publishes)
        {
            if (!await publisher.PublishAsync(entry, publishWait, cancellationToken))
            {
                return false; // the broker is evidently unreachable: the rest wait for the relay's next round
            }
        }
        return true;
    }
}
