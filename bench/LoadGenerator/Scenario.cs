using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.Bench;

/// <summary>The clinical path the benchmark drives: an eligible refractory relapse, Privigen, day 1.</summary>
internal static class Scenario
{
    public static PatientFacts Facts() => Ivig.Testing.ExamplePatients.RefractoryRelapse();

    public static VitalSigns Vitals() => new()
    {
        TemperatureCelsius = 36.8, SystolicMmhg = 120, DiastolicMmhg = 75, HeartRatePerMin = 72, Spo2Percent = 98, RespiratoryRatePerMin = 14,
    };

    public static async Task<Infusion> StartInfusionAsync(GrpcChannel gateway)
    {
        var assessment = (await new EligibilityService.EligibilityServiceClient(gateway).AssessEligibilityAsync(
            new AssessEligibilityRequest { PatientReference = "bench-" + Random.Shared.Next(1000, 9999), Facts = Facts() })).Assessment;
        var regimen = (await new DosingService.DosingServiceClient(gateway).PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = assessment.AssessmentId, ProductId = "privigen", Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female, HeightCm = 165, WeightKg = 70,
        })).Regimen;
        return (await new MonitoringService.MonitoringServiceClient(gateway).StartInfusionAsync(new StartInfusionRequest
        {
            RegimenId = regimen.RegimenId, Day = 1, BaselineVitals = Vitals(), HydrationConfirmed = true, PremedicationGiven = true,
        })).Infusion;
    }
}
