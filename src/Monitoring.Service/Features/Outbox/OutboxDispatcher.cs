using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Infrastructure.Outbox;

namespace Ivig.Monitoring.Features.Outbox;

/// <summary>
/// Carries out a stored change's effects: first its alerts (idempotent by their deduplication keys; Redis
/// only, so a nurse's screen and the board have them at once), then its events and the new alerts'
/// announcements, published side by side so that, say, the reaction's request to Dosing does not wait for
/// the broker to confirm the alert's announcement. Each entry leaves the outbox only when its effect has
/// happened, so a crash or a broker outage part-way through leaves the rest for the relay.
/// </summary>
public sealed class OutboxDispatcher(OutboxPublisher publisher, AlertRaiser alerts, OutboxStore outbox)
{
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
        var published = await Task.WhenAll(publishes.Select(entry => publisher.PublishAsync(entry, publishWait, cancellationToken)));
        return published.All(done => done);
    }
}
