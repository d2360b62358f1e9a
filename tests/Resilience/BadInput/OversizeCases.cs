using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;
using Ivig.Testing;
using static Ivig.Resilience.BadInput.CallShapes;
using static Ivig.Resilience.BadInput.MalformedValues;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Messages above the size limits: 2 MB (above the services' 1 MB gRPC limit, below the gateway's 4 MB body
/// limit, so the service refuses it) and 5 MB (above both, so the gateway may refuse it first). Either way
/// the answer is ResourceExhausted; a 100 KB field is within both limits and is in the other case files.
/// </summary>
internal static class OversizeCases
{
    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel, BadInputTargets targets)
    {
        var eligibility = new EligibilityService.EligibilityServiceClient(channel);
        var dosing = new DosingService.DosingServiceClient(channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var running = targets.Running.InfusionId;

        foreach (var (size, bytes) in new[] { ("2 MB", TwoMegabytes), ("5 MB", FiveMegabytes) })
        {
            var text = Huge(bytes);
            yield return TooLarge(Rpc(EligibilityService.Descriptor, "AssessEligibility"), $"{size} patient reference",
                Unary(o => eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = text, Facts = ExamplePatients.RefractoryRelapse() }, o)));
            yield return TooLarge(Rpc(EligibilityService.Descriptor, "RecordOverride"), $"{size} reason",
                Unary(o => eligibility.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = targets.NotRecommended.AssessmentId, Reason = text }, o)));
            yield return TooLarge(Rpc(DosingService.Descriptor, "PlanRegimen"), $"{size} product id",
                Unary(o => dosing.PlanRegimenAsync(new PlanRegimenRequest { AssessmentId = targets.Eligible.AssessmentId, ProductId = text }, o)));
            yield return TooLarge(Rpc(DosingService.Descriptor, "GetProduct"), $"{size} product id",
                Unary(o => dosing.GetProductAsync(new GetProductRequest { ProductId = text }, o)));
            // Aimed at the running infusion: were the reason accepted, the stop would show in the state check.
            yield return TooLarge(Rpc(MonitoringService.Descriptor, "StopInfusion"), $"{size} reason",
                Unary(o => monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = running, Reason = text }, o)));
            yield return TooLarge(Rpc(MonitoringService.Descriptor, "ReportReaction"), $"{size} of short symptoms",
                Unary(o => monitoring.ReportReactionAsync(new ReportReactionRequest
                {
                    InfusionId = running,
                    Kind = ReactionKind.Grade1,
                    Symptoms = { Enumerable.Repeat(Huge(100, 's'), bytes / 100) },
                }, o)));
            yield return TooLarge(Rpc(MonitoringService.Descriptor, "StreamVitals"), $"{size} reading",
                ClientStream(o => monitoring.StreamVitals(o), [new StreamVitalsRequest { InfusionId = text, Vitals = NormalVitals() }]));
            yield return TooLarge(Rpc(MonitoringService.Descriptor, "WatchAlerts"), $"{size} after-alert id",
                ServerStream(o => monitoring.WatchAlerts(new WatchAlertsRequest { AfterAlertId = text }, o)));
        }
    }

    private static BadInputCase TooLarge(string rpc, string name, Func<CallOptions, Task> send) =>
        new(rpc, name, send, StatusCode.ResourceExhausted);
}
