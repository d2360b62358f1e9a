using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;
using Ivig.Testing;

namespace Ivig.Board.BrowserTests;

/// <summary>
/// The ordinary path to a running infusion through the gateway (as tests/EndToEnd/ClinicalScenario):
/// a refractory acute relapse assessed eligible by a prescriber, a Privigen regimen planned, day 1
/// started by a nurse.
/// </summary>
internal sealed class ClinicalScenario(GrpcChannel gateway)
{
    public static readonly Metadata Nurse = DevTokens.For("board-test-nurse", "nurse");
    public static readonly Metadata Prescriber = DevTokens.For("board-test-prescriber", "prescriber");

    public EligibilityService.EligibilityServiceClient Eligibility { get; } = new(gateway);
    public DosingService.DosingServiceClient Dosing { get; } = new(gateway);
    public MonitoringService.MonitoringServiceClient Monitoring { get; } = new(gateway);

    public static PatientFacts RefractoryRelapseFacts() => ExamplePatients.RefractoryRelapse();

    public static VitalSigns NormalVitals() => new()
    {
        TemperatureCelsius = 36.8,
        SystolicMmhg = 120,
        DiastolicMmhg = 75,
        HeartRatePerMin = 72,
        Spo2Percent = 98,
        RespiratoryRatePerMin = 14,
    };

    public async Task<Infusion> StartRunningInfusionAsync()
    {
        var assessment = (await Eligibility.AssessEligibilityAsync(new AssessEligibilityRequest
        {
            PatientReference = "board-" + Guid.NewGuid().ToString("N")[..12],
            Facts = RefractoryRelapseFacts(),
        }, Prescriber)).Assessment;
        var regimen = (await Dosing.PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = assessment.AssessmentId,
            ProductId = "privigen",
            Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female,
            HeightCm = 165,
            WeightKg = 70,
        }, Prescriber)).Regimen;
        var reply = await Monitoring.StartInfusionAsync(new StartInfusionRequest
        {
            RegimenId = regimen.RegimenId,
            Day = 1,
            BaselineVitals = NormalVitals(),
            HydrationConfirmed = true,
            PremedicationGiven = true,
        }, Nurse);
        return reply.Infusion;
    }
}
