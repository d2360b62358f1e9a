using Grpc.Net.Client;
using Ivig.Monitoring.V1;
using static Ivig.Resilience.BadInput.CallShapes;
using static Ivig.Resilience.BadInput.CaseFactory;
using static Ivig.Resilience.BadInput.MalformedValues;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// The streaming RPCs: a bedside-monitor stream (StreamVitals) whose first reading is malformed, and the
/// two watches (WatchInfusion, WatchAlerts) opened with ids that are not ids or name nothing. A refused watch
/// must end with its error, never stream a message or hang until the deadline.
/// </summary>
internal static class StreamingCases
{
    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel, BadInputTargets targets)
    {
        var client = new MonitoringService.MonitoringServiceClient(channel);
        var descriptor = MonitoringService.Descriptor;
        var stream = Rpc(descriptor, "StreamVitals");
        var watchInfusion = Rpc(descriptor, "WatchInfusion");
        var watchAlerts = Rpc(descriptor, "WatchAlerts");
        var running = targets.Running.InfusionId;

        Func<Grpc.Core.CallOptions, Task> Readings(params StreamVitalsRequest[] readings) =>
            ClientStream(o => client.StreamVitals(o), readings);

        foreach (var (label, value) in NotIds.Append(("empty", "")))
        {
            yield return Invalid(stream, $"infusion id {label}", "infusion_id", Readings(new StreamVitalsRequest { InfusionId = value, Vitals = NormalVitals() }));
            yield return Invalid(watchInfusion, $"infusion id {label}", "infusion_id",
                ServerStream(o => client.WatchInfusion(new WatchInfusionRequest { InfusionId = value }, o)));
        }
        foreach (var (label, value) in NotIds)
        {
            yield return Invalid(watchAlerts, $"infusion id {label}", "infusion_id",
                ServerStream(o => client.WatchAlerts(new WatchAlertsRequest { InfusionId = value }, o)));
            yield return Invalid(watchAlerts, $"after-alert id {label}", "after_alert_id",
                ServerStream(o => client.WatchAlerts(new WatchAlertsRequest { AfterAlertId = value }, o)));
        }
        yield return Unknown(stream, "unknown infusion", Readings(new StreamVitalsRequest { InfusionId = Guid.NewGuid().ToString(), Vitals = NormalVitals() }));
        yield return Unknown(watchInfusion, "unknown infusion", ServerStream(o => client.WatchInfusion(new WatchInfusionRequest { InfusionId = Guid.NewGuid().ToString() }, o)));
        // After an alert that does not exist: the watch has opened (headers sent) when the backlog read fails.
        yield return Unknown(watchAlerts, "after an unknown alert",
            ServerStream(o => client.WatchAlerts(new WatchAlertsRequest { AfterAlertId = Guid.NewGuid().ToString() }, o)));

        yield return Invalid(stream, "a reading without vitals", "vitals", Readings(new StreamVitalsRequest { InfusionId = running }));
        foreach (var (label, field, reading) in ImplausibleVitals())
        {
            yield return Invalid(stream, label, "vitals." + field, Readings(new StreamVitalsRequest { InfusionId = running, Vitals = reading }));
        }
        // The stream ends at the first refused reading: the valid one behind it is never recorded.
        var spoiled = NormalVitals();
        spoiled.Spo2Percent = 120;
        yield return Invalid(stream, "a malformed reading followed by a valid one", "vitals.spo2_percent",
            Readings(new StreamVitalsRequest { InfusionId = running, Vitals = spoiled }, new StreamVitalsRequest { InfusionId = running, Vitals = NormalVitals() }));
        yield return Invalid(stream, "three malformed readings", "vitals.spo2_percent",
            Readings(Enumerable.Range(0, 3).Select(_ => new StreamVitalsRequest { InfusionId = running, Vitals = spoiled }).ToArray()));
    }
}
