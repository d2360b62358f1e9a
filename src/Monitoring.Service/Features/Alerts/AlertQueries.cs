using Grpc.Core;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;
using DomainAlert = Ivig.Monitoring.Domain.Alert;

namespace Ivig.Monitoring.Features.Alerts;

/// <summary>WatchAlerts (a backlog first, then each new or changed alert) and AcknowledgeAlert.</summary>
public sealed class AlertQueries(AlertStore alerts, LiveUpdates live, TimeProvider clock)
{
    private const int InitialAlerts = 100;

    /// <summary>How far back a watcher that fell behind looks (well beyond the live queue's capacity).</summary>
    private const int CatchUpAlerts = 2 * Infrastructure.LiveSubscription.Capacity;

    public async Task WatchAsync(WatchAlertsRequest request, IServerStreamWriter<WatchAlertsResponse> stream, Func<Task> openStream, CancellationToken cancellationToken)
    {
        var infusion = ParseOptional(request.InfusionId, "infusion_id");
        var after = ParseOptional(request.AfterAlertId, "after_alert_id");

        // Subscribe before reading the backlog so nothing raised in between is lost; what the backlog
        // already sent is skipped when its notice arrives, so each alert version goes out once.
        await using var updates = await live.SubscribeAlertsAsync(cancellationToken);
        // Open the stream at once: on a quiet ward the first alert may be hours away, and a client
        // (or a browser over the JSON route) should know it is connected.
        await openStream();
        IReadOnlyList<DomainAlert> backlog;
        if (after is { } afterId)
        {
            backlog = await alerts.ListAfterAsync(afterId)
                ?? throw new ResourceNotFoundException("Alert", request.AfterAlertId);
        }
        else
        {
            backlog = (await alerts.ListRecentAsync(InitialAlerts)).Reverse()
                .Where(a => a.State == Domain.AlertState.Active).ToList();
        }

        var sent = new Dictionary<Guid, long>();
        async Task SendIfChangedAsync(DomainAlert alert)
        {
            // Notices from several replicas may arrive out of order: an alert version goes out once, never
            // after a newer one.
            if ((infusion is not null && alert.InfusionId != infusion) || (sent.TryGetValue(alert.Id, out var version) && version >= alert.Version))
            {
                return;
            }
            sent[alert.Id] = alert.Version;
            await stream.WriteAsync(new WatchAlertsResponse { Alert = alert.ToProto() }, cancellationToken);
        }

        foreach (var alert in backlog.Where(a => infusion is null || a.InfusionId == infusion))
        {
            await stream.WriteAsync(new WatchAlertsResponse { Alert = alert.ToProto() }, cancellationToken);
            sent[alert.Id] = alert.Version;
        }
        try
        {
            await foreach (var changed in updates.Reader.ReadAllAsync(cancellationToken))
            {
                if (updates.TakeLagged())
                {
                    // This watcher fell behind and notices were dropped: catch up from the store, so a
                    // busy ward's dashboard never silently misses an alert.
                    foreach (var recent in (await alerts.ListRecentAsync(CatchUpAlerts)).Reverse())
                    {
                        await SendIfChangedAsync(recent);
                    }
                }
                await SendIfChangedAsync(changed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a normal end of a stream.
        }
    }

    public async Task<AcknowledgeAlertResponse> AcknowledgeAsync(AcknowledgeAlertRequest request, Caller caller)
    {
        var id = ParseOptional(request.AlertId, "alert_id")
            ?? throw new RequestValidationException([new("alert_id", "Required.")]);
        // Compare-and-set: of two simultaneous acknowledgements one lands, the other is told the alert is no
        // longer active (so the audit trail names exactly one person).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var alert = await alerts.FindAsync(id) ?? throw new ResourceNotFoundException("Alert", request.AlertId);
            var expectedVersion = alert.Version;
            Infusions.DomainErrors.Translate(() => { alert.Acknowledge(caller.Subject, clock.GetUtcNow()); return 0; });
            if (await alerts.TrySaveAsync(alert, expectedVersion))
            {
                await live.AlertChangedAsync(alert);
                return new AcknowledgeAlertResponse { Alert = alert.ToProto() };
            }
        }
        throw new PreconditionFailedException("CONCURRENT_UPDATE", "The alert kept changing while it was acknowledged; read it and retry.");
    }

    private static Guid? ParseOptional(string value, string field) =>
        value.Length == 0 ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new RequestValidationException([new(field, "Must be an id (a UUID), or empty.")]);
}
