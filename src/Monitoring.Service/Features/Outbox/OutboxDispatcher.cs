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
/// A request's few publishes go out side by side, so that, say, the reaction's request to Dosing does not
/// wait for the broker to confirm the alert's announcement. The relay's backlog goes one at a time and stops
/// at the first the broker does not confirm: dozens of publishes waiting on a stalled broker at once held
/// up the safety watchdog's escalations (the stalled-broker test).
/// </remarks>
public sealed class OutboxDispatcher(OutboxPublisher publisher, AlertRaiser alerts, OutboxStore outbox)
{
    /// <summary>At most this many publishes of one change go out side by side (a change has two or three).</summary>
    private const int SideBySide = 4;

    /// <returns>True when every effect happened. Each publish waits at most <paramref name="publishWait"/>;
    /// what the broker did not confirm waits in the outbox for the relay.</returns>
    public async Task<bool> DispatchAsync(IReadOnlyList<OutboxEntry> entries, TimeSpan publishWait, CancellationToken cancellationToken = default)
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
        if (publishes.Count <= SideBySide)
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
