using Ivig.Monitoring.Infrastructure.Outbox;
using MassTransit;

namespace Ivig.Monitoring.Features.Outbox;

/// <summary>
/// Publishes one outbox entry's event (message id = entry id, so consumers can drop a second copy) and
/// removes the entry once the broker has confirmed it. The wait is short and bounded: with the broker
/// down a clinical request still answers at once (its change is stored) and the entry stays for
/// <see cref="Ivig.Monitoring.BackgroundJobs.OutboxRelay"/>, which tries again every second.
/// </summary>
public sealed class OutboxPublisher(IPublishEndpoint publisher, OutboxStore outbox, ILogger<OutboxPublisher> logger)
{
    /// <summary>A confirmed publish takes milliseconds; longer means the broker is unreachable or saturated.</summary>
    public static readonly TimeSpan RequestWait = TimeSpan.FromSeconds(1);

    /// <summary>The relay is not answering anyone: it waits long enough for a slow but working broker.</summary>
    public static readonly TimeSpan RelayWait = TimeSpan.FromSeconds(10);

    public async Task<bool> PublishAsync(OutboxEntry entry, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var (message, type) = OutboxEntries.ReadEvent(entry);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            // WaitAsync as well as the token: a publish waiting on a slow broker's confirm does not always
            // observe cancellation, and the caller must not wait past the bound either way.
            await publisher.Publish(message, type, context => context.MessageId = entry.Id, timeout.Token).WaitAsync(wait, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MassTransitException or TimeoutException)
        {
            logger.LogWarning(ex, "{EventType} {EntryId} not published yet; the outbox relay will retry", entry.Type, entry.Id);
            return false;
        }
        await outbox.RemoveAsync(entry.Id);
        return true;
    }
}
