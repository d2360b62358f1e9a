using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;
using static Ivig.Resilience.BadInput.CallShapes;
using static Ivig.Resilience.BadInput.CaseFactory;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Well-formed requests the record's state refuses, duplicates included: a second override, a second start of
/// a regimen day, completing or stopping twice, resolving a reaction twice, acknowledging an alert twice,
/// titrating or resuming what is not running or paused, plans on assessments that do not allow them.
/// Reporting a reaction on a completed infusion is not here: the contract accepts it (a delayed reaction is
/// still recorded, InfusionSession.ReportReaction), so it is not bad input.
/// </summary>
internal static class WrongStateCases
{
    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel, BadInputTargets targets)
    {
        var eligibility = new EligibilityService.EligibilityServiceClient(channel);
        var dosing = new DosingService.DosingServiceClient(channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);

        var overrideRpc = Rpc(EligibilityService.Descriptor, "RecordOverride");
        Func<Grpc.Core.CallOptions, Task> Override(Assessment assessment) =>
            Unary(o => eligibility.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "MDT decision." }, o));
        yield return WrongState(overrideRpc, "an eligible assessment", "NOTHING_TO_OVERRIDE", Override(targets.Eligible));
        yield return WrongState(overrideRpc, "a contraindicated assessment", "NOT_OVERRIDABLE", Override(targets.Contraindicated));
        yield return WrongState(overrideRpc, "the same assessment twice", "ALREADY_OVERRIDDEN", Override(targets.Overridden));

        var plan = Rpc(DosingService.Descriptor, "PlanRegimen");
        Func<Grpc.Core.CallOptions, Task> Plan(Assessment assessment, string product = "privigen") =>
            Unary(o => dosing.PlanRegimenAsync(new PlanRegimenRequest
            {
                AssessmentId = assessment.AssessmentId,
                ProductId = product,
                Indication = Indication.AcuteRelapse,
                Sex = Ivig.Dosing.V1.Sex.Female,
                HeightCm = 165,
                WeightKg = 70,
            }, o));
        yield return WrongState(plan, "a contraindicated assessment", "ASSESSMENT_CONTRAINDICATED", Plan(targets.Contraindicated));
        yield return WrongState(plan, "a not-recommended assessment without an override", "OVERRIDE_REQUIRED", Plan(targets.NotRecommended));
        yield return WrongState(plan, "a sorbitol product for a fructose-intolerant patient", "PRODUCT_NOT_ALLOWED", Plan(targets.FructoseIntolerant, "flebogamma-10-dif"));

        var descriptor = MonitoringService.Descriptor;
        var running = targets.Running.InfusionId;
        var paused = targets.Paused.InfusionId;
        var ended = new[] { ("completed", targets.Completed.InfusionId), ("stopped", targets.Stopped.InfusionId) };

        var start = Rpc(descriptor, "StartInfusion");
        Func<Grpc.Core.CallOptions, Task> Start(string regimenId, Action<StartInfusionRequest>? adjust = null)
        {
            var request = new StartInfusionRequest
            {
                RegimenId = regimenId,
                Day = 1,
                BaselineVitals = MalformedValues.NormalVitals(),
                HydrationConfirmed = true,
                PremedicationGiven = true,
            };
            adjust?.Invoke(request);
            return Unary(o => monitoring.StartInfusionAsync(request, o));
        }
        yield return WrongState(start, "the running day again (a duplicate start)", "ALREADY_ACTIVE", Start(targets.Running.RegimenId));
        yield return WrongState(start, "the paused day again", "ALREADY_ACTIVE", Start(targets.Paused.RegimenId));
        yield return WrongState(start, "the completed day again", "DAY_COMPLETED", Start(targets.Completed.RegimenId));
        yield return WrongState(start, "the completed day again with a restart reason", "DAY_COMPLETED",
            Start(targets.Completed.RegimenId, r => r.RestartReason = "clinician decided"));
        foreach (var (label, reason) in new[] { ("no", ""), ("a blank", "   "), ("a tabs-and-newlines", "\t\r\n") })
        {
            yield return WrongState(start, $"the stopped day again with {label} restart reason", "RESTART_REASON_REQUIRED",
                Start(targets.Stopped.RegimenId, r => r.RestartReason = reason));
        }
        yield return WrongState(start, "hydration not confirmed", "HYDRATION_NOT_CONFIRMED", Start(targets.Unstarted.RegimenId, r => r.HydrationConfirmed = false));
        foreach (var (label, reason) in new[] { ("no", ""), ("a blank", "  \t") })
        {
            yield return WrongState(start, $"premedication omitted with {label} reason", "PREMEDICATION_NOT_DOCUMENTED",
                Start(targets.Unstarted.RegimenId, r => (r.PremedicationGiven, r.PremedicationOmittedReason) = (false, reason)));
        }

        var advance = Rpc(descriptor, "AdvanceTitration");
        var pause = Rpc(descriptor, "PauseInfusion");
        var resume = Rpc(descriptor, "ResumeInfusion");
        var stop = Rpc(descriptor, "StopInfusion");
        var complete = Rpc(descriptor, "CompleteInfusion");
        var vitals = Rpc(descriptor, "RecordVitals");
        var stream = Rpc(descriptor, "StreamVitals");
        var resolve = Rpc(descriptor, "ResolveReaction");
        var acknowledge = Rpc(descriptor, "AcknowledgeAlert");

        // The running infusion has just started: its first step has not run its time (or vitals are due).
        yield return WrongState(advance, "the running infusion before its step time", null,
            Unary(o => monitoring.AdvanceTitrationAsync(new AdvanceTitrationRequest { InfusionId = running }, o)));
        yield return WrongState(resume, "the running infusion", "NOT_PAUSED",
            Unary(o => monitoring.ResumeInfusionAsync(new ResumeInfusionRequest { InfusionId = running, RateMgPerKgPerMin = 0.1 }, o)));
        yield return WrongState(resolve, "a reaction of another infusion", "REACTION_NOT_FOUND",
            Unary(o => monitoring.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = running, ReactionId = targets.ResolvedReactionId }, o)));
        yield return WrongState(resolve, "an unknown reaction", "REACTION_NOT_FOUND",
            Unary(o => monitoring.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = running, ReactionId = Guid.NewGuid().ToString() }, o)));

        yield return WrongState(resolve, "the same reaction twice", "REACTION_ALREADY_RESOLVED",
            Unary(o => monitoring.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = paused, ReactionId = targets.ResolvedReactionId }, o)));
        yield return WrongState(pause, "the paused infusion", "NOT_RUNNING",
            Unary(o => monitoring.PauseInfusionAsync(new PauseInfusionRequest { InfusionId = paused, Reason = "again" }, o)));
        yield return WrongState(advance, "the paused infusion", "NOT_RUNNING",
            Unary(o => monitoring.AdvanceTitrationAsync(new AdvanceTitrationRequest { InfusionId = paused }, o)));
        yield return WrongState(resume, "the paused infusion above its last tolerated rate", "RESUME_ABOVE_LAST_TOLERATED",
            Unary(o => monitoring.ResumeInfusionAsync(new ResumeInfusionRequest { InfusionId = paused, RateMgPerKgPerMin = 999 }, o)));
        yield return WrongState(acknowledge, "the same alert twice", "ALERT_NOT_ACTIVE",
            Unary(o => monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = targets.AcknowledgedAlertId }, o)));

        foreach (var (state, id) in ended)
        {
            yield return WrongState(complete, $"the {state} infusion", "INFUSION_ENDED",
                Unary(o => monitoring.CompleteInfusionAsync(new CompleteInfusionRequest { InfusionId = id }, o)));
            yield return WrongState(stop, $"the {state} infusion", "INFUSION_ENDED",
                Unary(o => monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = id, Reason = "again" }, o)));
            yield return WrongState(pause, $"the {state} infusion", "NOT_RUNNING",
                Unary(o => monitoring.PauseInfusionAsync(new PauseInfusionRequest { InfusionId = id }, o)));
            yield return WrongState(resume, $"the {state} infusion", "NOT_PAUSED",
                Unary(o => monitoring.ResumeInfusionAsync(new ResumeInfusionRequest { InfusionId = id, RateMgPerKgPerMin = 0.1 }, o)));
            yield return WrongState(advance, $"the {state} infusion", "NOT_RUNNING",
                Unary(o => monitoring.AdvanceTitrationAsync(new AdvanceTitrationRequest { InfusionId = id }, o)));
            yield return WrongState(vitals, $"the {state} infusion", "INFUSION_ENDED",
                Unary(o => monitoring.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = id, Vitals = MalformedValues.NormalVitals() }, o)));
            yield return WrongState(stream, $"the {state} infusion", "INFUSION_ENDED",
                ClientStream(o => monitoring.StreamVitals(o), [new StreamVitalsRequest { InfusionId = id, Vitals = MalformedValues.NormalVitals() }]));
        }
    }
}
