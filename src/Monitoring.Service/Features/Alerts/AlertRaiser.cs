using Ivig.IntegrationEvents;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Infrastructure.Outbox;
using Ivig.Monitoring.Telemetry;

namespace Ivig.Monitoring.Features.Alerts;

/// <summary>
/// Raises an alert exactly once per cause (its deduplication key): stores it together with its
/// <see cref="ClinicalAlertRaised"/> outbox entry, pushes it to the live streams and publishes the
/// event, only when it is new.
/// </summary>
public sealed class AlertRaiser(AlertStore alerts, LiveUpdates live, OutboxPublisher publisher, MonitoringMetrics metrics, TimeProvider clock)
{
    public async Task<bool> RaiseAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        if (await StoreAsync(alert) is not { } announcement)
        {
            return false;
        }
        await publisher.PublishAsync(announcement, OutboxPublisher.RequestWait, cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores a new alert with its announcement and pushes it to the live streams; returns the announcement
    /// (already in the outbox) for the caller to publish, or null when the alert existed.
    /// </summary>
    public async Task<OutboxEntry?> StoreAsync(Alert alert)
    {
        var announcement = OutboxEntries.Publish(new ClinicalAlertRaised(alert.Id, alert.InfusionId, alert.Severity.ToString().ToUpperInvariant(),
            alert.RuleId, alert.Message, alert.RaisedAt), clock.GetUtcNow());
        if (!await alerts.RaiseOnceAsync(alert, announcement))
        {
            return null;
        }
        metrics.AlertRaised(alert.Severity.ToString().ToUpperInvariant(), alert.RuleId);
        await live.AlertChangedAsync(alert);
        return announcement;
    }
}
