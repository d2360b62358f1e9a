using Grpc.Core;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Alerts;

/// <summary>WatchAlerts (active alerts first, then each new or changed one) and AcknowledgeAlert.</summary>
public sealed class AlertQueries(AlertStore alerts, LiveUpdates live, TimeProvider clock)
{
    private const int InitialAlerts = 100;

    public async Task WatchAsync(WatchAlertsRequest request, IServerStreamWriter<WatchAlertsResponse> stream, CancellationToken cancellationToken)
    {
        Guid? infusion = null;
        if (request.InfusionId.Length > 0)
        {
            infusion = Guid.TryParse(request.InfusionId, out var parsed)
                ? parsed
                : throw new RequestValidationException([new("infusion_id", "Must be an infusion id (a UUID), or empty for all.")]);
        }
        var updates = await live.SubscribeAlertsAsync(cancellationToken);
        foreach (var alert in (await alerts.ListRecentAsync(InitialAlerts)).Reverse())
        {
            if ((infusion is null || alert.InfusionId == infusion) && alert.State == Domain.AlertState.Active)
            {
                await stream.WriteAsync(new WatchAlertsResponse { Alert = alert.ToProto() }, cancellationToken);
            }
        }
        try
        {
            await foreach (var alertId in updates.ReadAllAsync(cancellationToken))
            {
                if (await alerts.FindAsync(alertId) is { } alert && (infusion is null || alert.InfusionId == infusion))
                {
                    await stream.WriteAsync(new WatchAlertsResponse { Alert = alert.ToProto() }, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The watcher went away.
        }
    }

    public async Task<AcknowledgeAlertResponse> AcknowledgeAsync(AcknowledgeAlertRequest request, Caller caller)
    {
        var id = Guid.TryParse(request.AlertId, out var parsed)
            ? parsed
            : throw new RequestValidationException([new("alert_id", "Must be an alert id (a UUID).")]);
        var alert = await alerts.FindAsync(id) ?? throw new ResourceNotFoundException("Alert", request.AlertId);
        Infusions.DomainErrors.Translate(() => { alert.Acknowledge(caller.Subject, clock.GetUtcNow()); return 0; });
        await alerts.SaveAsync(alert);
        await live.AlertChangedAsync(alert.Id);
        return new AcknowledgeAlertResponse { Alert = alert.ToProto() };
    }
}
