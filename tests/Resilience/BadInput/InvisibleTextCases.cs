using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;
using Ivig.Testing;
using static Ivig.Resilience.BadInput.CallShapes;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Mandatory free text (an override reason, a stop reason, why premedication was omitted, why a stopped day
/// restarts) made only of characters that show nothing: zero-width and format characters, or a NUL. Such a
/// text is as blank as spaces are, which every one of these fields refuses. Each case has its own fresh
/// record, since an accepted one writes: these run after the state comparisons, and an acceptance is
/// reported by its case.
/// </summary>
internal static class InvisibleTextCases
{
    private static readonly (string Label, string Text)[] Invisible =
    [
        ("zero-width characters only", "\u200B\u200C\u200D\u2060\uFEFF"),
        ("a NUL only", "\0"),
    ];

    public static async Task<IReadOnlyList<BadInputCase>> CreateAsync(GrpcChannel channel, string patientReference)
    {
        var eligibility = new EligibilityService.EligibilityServiceClient(channel);
        var dosing = new DosingService.DosingServiceClient(channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var refused = new[] { StatusCode.InvalidArgument, StatusCode.FailedPrecondition };
        var cases = new List<BadInputCase>();

        async Task<Regimen> PlanAsync()
        {
            var assessment = (await eligibility.AssessEligibilityAsync(new AssessEligibilityRequest
            {
                PatientReference = patientReference,
                Facts = ExamplePatients.RefractoryRelapse(),
            })).Assessment;
            return (await dosing.PlanRegimenAsync(new PlanRegimenRequest
            {
                AssessmentId = assessment.AssessmentId,
                ProductId = "privigen",
                Indication = Indication.AcuteRelapse,
                Sex = Ivig.Dosing.V1.Sex.Female,
                HeightCm = 165,
                WeightKg = 70,
            })).Regimen;
        }

        StartInfusionRequest Day1(string regimenId) => new()
        {
            RegimenId = regimenId,
            Day = 1,
            BaselineVitals = ClinicalScenario.NormalVitals(),
            HydrationConfirmed = true,
            PremedicationGiven = true,
        };

        foreach (var (label, text) in Invisible)
        {
            var spms = ExamplePatients.RefractoryRelapse();
            (spms.Phenotype, spms.Purpose) = (MsPhenotype.Spms, TreatmentPurpose.Progression);
            var overridable = (await eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = patientReference, Facts = spms })).Assessment;
            cases.Add(new BadInputCase(Rpc(EligibilityService.Descriptor, "RecordOverride"), $"reason of {label}",
                Unary(o => eligibility.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = overridable.AssessmentId, Reason = text }, o)), refused));

            var running = (await monitoring.StartInfusionAsync(Day1((await PlanAsync()).RegimenId))).Infusion;
            cases.Add(new BadInputCase(Rpc(MonitoringService.Descriptor, "StopInfusion"), $"reason of {label}",
                Unary(o => monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = running.InfusionId, Reason = text }, o)), refused));

            var unstarted = Day1((await PlanAsync()).RegimenId);
            (unstarted.PremedicationGiven, unstarted.PremedicationOmittedReason) = (false, text);
            cases.Add(new BadInputCase(Rpc(MonitoringService.Descriptor, "StartInfusion"), $"premedication omitted, reason of {label}",
                Unary(o => monitoring.StartInfusionAsync(unstarted, o)), refused));

            var stoppedRegimen = (await PlanAsync()).RegimenId;
            var stopped = (await monitoring.StartInfusionAsync(Day1(stoppedRegimen))).Infusion;
            await monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = stopped.InfusionId, Reason = "patient asked" });
            var restart = Day1(stoppedRegimen);
            restart.RestartReason = text;
            cases.Add(new BadInputCase(Rpc(MonitoringService.Descriptor, "StartInfusion"), $"stopped day restarted, restart reason of {label}",
                Unary(o => monitoring.StartInfusionAsync(restart, o)), refused));
        }
        return cases;
    }
}
