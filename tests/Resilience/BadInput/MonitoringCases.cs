using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Monitoring.V1;
using static Ivig.Resilience.BadInput.CallShapes;
using static Ivig.Resilience.BadInput.CaseFactory;
using static Ivig.Resilience.BadInput.MalformedValues;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Malformed input to every unary Monitoring RPC: ids that are not ids or name nothing, implausible vitals
/// (as readings and as the baseline of a start), undefined reaction kinds, over-long symptoms, resume rates
/// that are no rate, missing stop reasons, paging out of range. Aimed at the running infusion where the
/// request would otherwise be accepted, so a missing check would show as a change.
/// </summary>
internal static class MonitoringCases
{
    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel, BadInputTargets targets)
    {
        var client = new MonitoringService.MonitoringServiceClient(channel);
        var descriptor = MonitoringService.Descriptor;
        var running = targets.Running.InfusionId;

        // Every RPC that names an infusion, with an otherwise valid request.
        var byInfusion = new (string Method, Func<string, Func<CallOptions, Task>> Send)[]
        {
            ("RecordVitals", id => Unary(o => client.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = id, Vitals = NormalVitals() }, o))),
            ("AdvanceTitration", id => Unary(o => client.AdvanceTitrationAsync(new AdvanceTitrationRequest { InfusionId = id }, o))),
            ("ReportReaction", id => Unary(o => client.ReportReactionAsync(new ReportReactionRequest { InfusionId = id, Kind = ReactionKind.Grade1 }, o))),
            ("ResolveReaction", id => Unary(o => client.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = id, ReactionId = targets.ResolvedReactionId }, o))),
            ("PauseInfusion", id => Unary(o => client.PauseInfusionAsync(new PauseInfusionRequest { InfusionId = id, Reason = "patient asked" }, o))),
            ("ResumeInfusion", id => Unary(o => client.ResumeInfusionAsync(new ResumeInfusionRequest { InfusionId = id, RateMgPerKgPerMin = 0.1 }, o))),
            ("StopInfusion", id => Unary(o => client.StopInfusionAsync(new StopInfusionRequest { InfusionId = id, Reason = "patient asked" }, o))),
            ("CompleteInfusion", id => Unary(o => client.CompleteInfusionAsync(new CompleteInfusionRequest { InfusionId = id }, o))),
            ("GetInfusion", id => Unary(o => client.GetInfusionAsync(new GetInfusionRequest { InfusionId = id }, o))),
            ("ExportInfusionBundle", id => Unary(o => client.ExportInfusionBundleAsync(new ExportInfusionBundleRequest { InfusionId = id }, o))),
        };
        foreach (var (method, send) in byInfusion)
        {
            var rpc = Rpc(descriptor, method);
            foreach (var (label, value) in NotIds.Append(("empty", "")))
            {
                yield return Invalid(rpc, $"infusion id {label}", "infusion_id", send(value));
            }
            yield return Unknown(rpc, "unknown infusion", send(Guid.NewGuid().ToString()));
        }

        var resolve = Rpc(descriptor, "ResolveReaction");
        foreach (var (label, value) in NotIds.Append(("empty", "")))
        {
            yield return Invalid(resolve, $"reaction id {label}", "reaction_id",
                Unary(o => client.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = targets.Paused.InfusionId, ReactionId = value }, o)));
        }

        var acknowledge = Rpc(descriptor, "AcknowledgeAlert");
        foreach (var (label, value) in NotIds.Append(("empty", "")))
        {
            yield return Invalid(acknowledge, $"alert id {label}", "alert_id", Unary(o => client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = value }, o)));
        }
        yield return Unknown(acknowledge, "unknown alert", Unary(o => client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = Guid.NewGuid().ToString() }, o)));

        var vitals = Rpc(descriptor, "RecordVitals");
        yield return Invalid(vitals, "vitals missing", "vitals", Unary(o => client.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = running }, o)));
        foreach (var (label, field, reading) in ImplausibleVitals())
        {
            yield return Invalid(vitals, label, "vitals." + field, Unary(o => client.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = running, Vitals = reading }, o)));
        }

        // StartInfusion: checked before the regimen is fetched (ids, day), then against it (day, baseline vitals).
        var start = Rpc(descriptor, "StartInfusion");
        Func<CallOptions, Task> Start(Action<StartInfusionRequest> spoil)
        {
            var request = new StartInfusionRequest
            {
                RegimenId = targets.Unstarted.RegimenId,
                Day = 1,
                BaselineVitals = NormalVitals(),
                HydrationConfirmed = true,
                PremedicationGiven = true,
            };
            spoil(request);
            return Unary(o => client.StartInfusionAsync(request, o));
        }
        foreach (var (label, value) in NotIds.Append(("empty", "")))
        {
            yield return Invalid(start, $"regimen id {label}", "regimen_id", Start(r => r.RegimenId = value));
        }
        yield return WrongState(start, "unknown regimen", "REGIMEN_NOT_FOUND", Start(r => r.RegimenId = Guid.NewGuid().ToString()));
        foreach (var (label, value) in BadInts(0, -1, targets.Unstarted.Days.Count + 1))
        {
            yield return Invalid(start, $"day {label}", "day", Start(r => r.Day = value));
        }
        yield return Invalid(start, "no baseline vitals", "baseline_vitals", Start(r => r.BaselineVitals = null));
        foreach (var (label, field, reading) in ImplausibleVitals())
        {
            yield return Invalid(start, $"baseline {label}", "baseline_vitals." + field, Start(r => r.BaselineVitals = reading));
        }

        var report = Rpc(descriptor, "ReportReaction");
        foreach (var number in UndefinedEnumNumbers.Append(0).Append(int.MinValue))
        {
            yield return Invalid(report, $"kind = {number}", "kind",
                Unary(o => client.ReportReactionAsync(new ReportReactionRequest { InfusionId = running, Kind = (ReactionKind)number, Symptoms = { "chills" } }, o)));
        }
        // Symptoms are free text up to 200 characters; odd characters are fine only with a valid kind, so here they ride with an undefined one.
        foreach (var (label, symptom) in new[] { ("a right-to-left override", "\u202Echills"), ("a NUL", "chills\0"), ("an emoji", "\U0001F975"), ("zero-width only", "\u200B\u200D") })
        {
            yield return Invalid(report, $"undefined kind with a symptom of {label}", "kind",
                Unary(o => client.ReportReactionAsync(new ReportReactionRequest { InfusionId = running, Kind = (ReactionKind)42, Symptoms = { symptom } }, o)));
        }
        foreach (var (label, symptom) in new[] { ("201 characters", Huge(201)), ("100 KB", Huge(HundredKilobytes)), ("201 combining marks", "a" + Huge(200, '\u0301')) })
        {
            yield return Invalid(report, $"a symptom of {label}", "symptoms",
                Unary(o => client.ReportReactionAsync(new ReportReactionRequest { InfusionId = running, Kind = ReactionKind.Grade1, Symptoms = { "chills", symptom } }, o)));
        }

        // Resume: checked before the infusion's state, so these are aimed at the paused one.
        var resume = Rpc(descriptor, "ResumeInfusion");
        foreach (var (label, rate) in BadMeasures(0, -0.5, -0.0, 1000.5, double.Epsilon, 1e-30))
        {
            yield return Invalid(resume, $"rate {label}", "rate_mg_per_kg_per_min",
                Unary(o => client.ResumeInfusionAsync(new ResumeInfusionRequest { InfusionId = targets.Paused.InfusionId, RateMgPerKgPerMin = rate }, o)));
        }

        var stop = Rpc(descriptor, "StopInfusion");
        foreach (var (label, reason) in new[] { ("empty", ""), ("spaces", "   "), ("tabs and newlines", "\t\r\n") })
        {
            yield return Invalid(stop, $"reason {label}", "reason", Unary(o => client.StopInfusionAsync(new StopInfusionRequest { InfusionId = running, Reason = reason }, o)));
        }

        var listActive = Rpc(descriptor, "ListActiveInfusions");
        foreach (var (label, value) in BadInts(-1, 501))
        {
            yield return Invalid(listActive, $"page_size {label}", "page_size", Unary(o => client.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageSize = value }, o)));
        }
        foreach (var (label, value) in new[]
        {
            ("words", "abc"), ("negative", "-1"), ("a plus sign", "+1"), ("a fraction", "1.5"), ("a leading space", " 1"), ("beyond int", "99999999999"),
            ("full-width digits", "\uFF11"), ("a right-to-left override", "\u202E1"), ("100 KB", Huge(HundredKilobytes, '1')),
        })
        {
            yield return Invalid(listActive, $"page_token {label}", "page_token", Unary(o => client.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageToken = value }, o)));
        }
    }
}
