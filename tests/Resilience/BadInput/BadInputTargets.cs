using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;
using Ivig.Testing;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// The records the corpus aims at, each in a known state, so wrong-state and duplicate requests have
/// something real to be wrong about: assessments of every kind an override or a plan can trip on, a regimen
/// never started, and infusions running, paused (after a resolved grade 2 reaction, its alert acknowledged),
/// completed and stopped (by a grade 3 reaction, whose alert is the oldest of the suite).
/// </summary>
internal sealed class BadInputTargets
{
    public required string PatientReference { get; init; }
    public required Assessment Eligible { get; init; }
    public required Assessment Contraindicated { get; init; }
    public required Assessment NotRecommended { get; init; }
    public required Assessment Overridden { get; init; }

    /// <summary>Eligible with PRE-FRUCTOSE: sorbitol-stabilised products are not allowed for it.</summary>
    public required Assessment FructoseIntolerant { get; init; }

    /// <summary>Planned and never started: StartInfusion reaches its pre-infusion checks on it.</summary>
    public required Regimen Unstarted { get; init; }

    public required Infusion Running { get; init; }
    public required Infusion Paused { get; init; }
    public required Infusion Completed { get; init; }
    public required Infusion Stopped { get; init; }
    public required string ResolvedReactionId { get; init; }
    public required string AcknowledgedAlertId { get; init; }

    /// <summary>The first alert raised in this suite: watching after it lists every later alert in any state.</summary>
    public required string OldestAlertId { get; init; }

    public IReadOnlyList<string> AssessmentIds =>
        [Eligible.AssessmentId, Contraindicated.AssessmentId, NotRecommended.AssessmentId, Overridden.AssessmentId, FructoseIntolerant.AssessmentId];

    public IReadOnlyList<string> RegimenIds =>
        [Unstarted.RegimenId, Running.RegimenId, Paused.RegimenId, Completed.RegimenId, Stopped.RegimenId];

    public IReadOnlyList<string> InfusionIds =>
        [Running.InfusionId, Paused.InfusionId, Completed.InfusionId, Stopped.InfusionId];

    public static async Task<BadInputTargets> CreateAsync(GrpcChannel channel, string patientReference)
    {
        var eligibility = new EligibilityService.EligibilityServiceClient(channel);
        var dosing = new DosingService.DosingServiceClient(channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);

        async Task<Assessment> AssessAsync(Action<PatientFacts> adjust)
        {
            var facts = ExamplePatients.RefractoryRelapse();
            adjust(facts);
            return (await eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = patientReference, Facts = facts })).Assessment;
        }

        var eligible = await AssessAsync(_ => { });
        var contraindicated = await AssessAsync(f => f.PriorHypersensitivity = HypersensitivityHistory.SevereSystemicOrAnaphylaxis);
        var notRecommended = await AssessAsync(f => (f.Phenotype, f.Purpose) = (MsPhenotype.Spms, TreatmentPurpose.Progression));
        var toOverride = await AssessAsync(f => (f.Phenotype, f.Purpose) = (MsPhenotype.Spms, TreatmentPurpose.Progression));
        var overridden = (await eligibility.RecordOverrideAsync(new RecordOverrideRequest
        {
            AssessmentId = toOverride.AssessmentId,
            Reason = "MDT decision after informed consent.",
        })).Assessment;
        var fructose = await AssessAsync(f => f.HereditaryFructoseIntolerance = true);
        Assert.Equal(Decision.Eligible, eligible.Decision);
        Assert.Equal(Decision.Contraindicated, contraindicated.Decision);
        Assert.Equal(Decision.NotRecommended, notRecommended.Decision);
        Assert.Contains("sorbitol", fructose.Constraints.ExcludedStabilizers);

        async Task<Regimen> PlanAsync() => (await dosing.PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = eligible.AssessmentId,
            ProductId = "privigen",
            Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female,
            HeightCm = 165,
            WeightKg = 70,
        })).Regimen;

        async Task<Infusion> StartAsync() => (await monitoring.StartInfusionAsync(new StartInfusionRequest
        {
            RegimenId = (await PlanAsync()).RegimenId,
            Day = 1,
            BaselineVitals = ClinicalScenario.NormalVitals(),
            HydrationConfirmed = true,
            PremedicationGiven = true,
        })).Infusion;

        // Stopped first, by a grade 3 reaction: its critical alert is the oldest alert of the suite.
        var stopped = await StartAsync();
        await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = stopped.InfusionId, Kind = ReactionKind.Grade3, Symptoms = { "bronchospasm" } });
        var oldestAlert = (await WaitForAlertsAsync(monitoring, stopped.InfusionId)).Single();

        // Paused by a grade 2 reaction; Dosing's order is in, the reaction resolved, the alert acknowledged.
        var paused = await StartAsync();
        var reported = await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = paused.InfusionId, Kind = ReactionKind.Grade2, Symptoms = { "chills" } });
        Assert.Equal(InfusionState.Paused, reported.Infusion.State);
        await WaitForVersionAfterAsync(monitoring, paused.InfusionId, reported.Infusion.Version);
        await monitoring.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = paused.InfusionId, ReactionId = reported.Reaction.ReactionId });
        var pausedAlert = (await WaitForAlertsAsync(monitoring, paused.InfusionId)).Single();
        await monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = pausedAlert.AlertId });

        var completed = await StartAsync();
        await monitoring.CompleteInfusionAsync(new CompleteInfusionRequest { InfusionId = completed.InfusionId });

        var running = await StartAsync();
        var unstarted = await PlanAsync();

        async Task<Infusion> ReadAsync(Infusion infusion) =>
            (await monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;

        return new BadInputTargets
        {
            PatientReference = patientReference,
            Eligible = eligible,
            Contraindicated = contraindicated,
            NotRecommended = notRecommended,
            Overridden = overridden,
            FructoseIntolerant = fructose,
            Unstarted = unstarted,
            Running = await ReadAsync(running),
            Paused = await ReadAsync(paused),
            Completed = await ReadAsync(completed),
            Stopped = await ReadAsync(stopped),
            ResolvedReactionId = reported.Reaction.ReactionId,
            AcknowledgedAlertId = pausedAlert.AlertId,
            OldestAlertId = oldestAlert.AlertId,
        };
    }

    /// <summary>Waits until an infusion changes past a version (Dosing's rate order arrives over RabbitMQ).</summary>
    private static async Task WaitForVersionAfterAsync(MonitoringService.MonitoringServiceClient monitoring, string infusionId, long version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusionId })).Infusion.Version <= version)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Infusion {infusionId} did not change after version {version} (Dosing's rate order).");
            await Task.Delay(200);
        }
    }

    private static async Task<IReadOnlyList<Alert>> WaitForAlertsAsync(MonitoringService.MonitoringServiceClient monitoring, string infusionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var alerts = new List<Alert>();
            using var call = monitoring.WatchAlerts(new WatchAlertsRequest { InfusionId = infusionId }, cancellationToken: cts.Token);
            try
            {
                await foreach (var item in call.ResponseStream.ReadAllAsync(cts.Token))
                {
                    alerts.Add(item.Alert);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled })
            {
                // The one-second window is over.
            }
            if (alerts.Count > 0)
            {
                return alerts;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No alert was raised for infusion {infusionId}.");
        }
    }
}
