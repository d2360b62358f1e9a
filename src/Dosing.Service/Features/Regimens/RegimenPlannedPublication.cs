using Ivig.Dosing.Features.Messaging;
using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>Publishes a stored regimen's <see cref="RegimenPlanned"/> and clears it from the outbox once the broker has it.</summary>
public sealed class RegimenPlannedPublication(IRegimenPlannedOutbox outbox, ILogger<RegimenPlannedPublication> logger)
{
    /// <summary>A broker that does not take the event within this time is treated as down; the outbox retries later.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <returns>True when the broker took the event.</returns>
    public async Task<bool> TryPublishAsync(RegimenPlanned planned, IIntegrationEventPublisher publisher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(publisher);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            await publisher.PublishAsync(planned, timeout.Token).WaitAsync(PublishTimeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "RegimenPlanned for regimen {RegimenId} is not published yet; the outbox will retry", planned.RegimenId);
            return false;
        }

        try
        {
            await outbox.MarkPublishedAsync(planned.RegimenId, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Published but still pending: it will be published again, which consumers tolerate.
            logger.LogWarning(ex, "RegimenPlanned for regimen {RegimenId} was published but is still in the outbox", planned.RegimenId);
        }

        return true;
    }
}
