using Ivig.ServiceDefaults.Messaging;
using Ivig.IntegrationEvents;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Telemetry;
using MassTransit;

namespace Ivig.Monitoring.Features.Alerts;

/// <summary>
/// Raises an alert exactly once per cause (its deduplication key): stores it, pushes it to the live
/// streams and publishes <see cref="ClinicalAlertRaised"/> only when it is new.
/// </summary>
public sealed class AlertRaiser(AlertStore alerts, LiveUpdates live, IPublishEndpoint publisher, MonitoringMetrics metrics, ILogger<AlertRaiser> logger)
{
    public async Task<bool> RaiseAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        if (!await alerts.RaiseOnceAsync(alert))
        {
            return false;
        }
        metrics.AlertRaised(alert.Severity.ToString().ToUpperInvariant(), alert.RuleId);
        await live.AlertChangedAsync(alert.Id);
        await publisher.PublishBoundedAsync(new ClinicalAlertRaised(alert.Id, alert.InfusionId, alert.Severity.ToString().ToUpperInvariant(),
            alert.RuleId, alert.Message, alert.RaisedAt), logger, cancellationToken);
        return true;
    }
}
