using System.Collections.Concurrent;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.Bench;

/// <summary>The clinical path the benchmark drives: an eligible refractory relapse, Privigen, every day of the course.</summary>
internal static class Scenario
{
    public static PatientFacts Facts() => Ivig.Testing.ExamplePatients.RefractoryRelapse();

    public static VitalSigns Vitals() => new()
    {
        TemperatureCelsius = 36.8, SystolicMmhg = 120, DiastolicMmhg = 75, HeartRatePerMin = 72, Spo2Percent = 98, RespiratoryRatePerMin = 14,
    };

    public static AssessEligibilityRequest Assessment() =>
        new() { PatientReference = "bench-" + Random.Shared.Next(1000, 9999), Facts = Facts() };

    public static PlanRegimenRequest Plan(string assessmentId) => new()
    {
        AssessmentId = assessmentId, ProductId = "privigen", Indication = Indication.AcuteRelapse,
        Sex = Ivig.Dosing.V1.Sex.Female, HeightCm = 165, WeightKg = 70,
    };

    public static StartInfusionRequest Start(string regimenId, int day) => new()
    {
        RegimenId = regimenId, Day = day, BaselineVitals = Vitals(), HydrationConfirmed = true, PremedicationGiven = true,
    };

    /// <summary>One patient's path through the gateway: assessed, planned, day 1 started.</summary>
    public static async Task<Infusion> StartInfusionAsync(GrpcChannel gateway)
    {
        var assessment = (await new EligibilityService.EligibilityServiceClient(gateway).AssessEligibilityAsync(Assessment())).Assessment;
        var regimen = (await new DosingService.DosingServiceClient(gateway).PlanRegimenAsync(Plan(assessment.AssessmentId))).Regimen;
        return (await new MonitoringService.MonitoringServiceClient(gateway).StartInfusionAsync(Start(regimen.RegimenId, 1))).Infusion;
    }

    /// <summary>
    /// Many active infusions quickly: a few assessments, regimens planned with concurrency, and every day
    /// of each regimen started (one active infusion per regimen day is what Monitoring allows).
    /// Returns the infusion ids and the two setup measurements.
    /// </summary>
    public static async Task<(List<string> Infusions, Stats Plans, Stats Starts)> StartManyAsync(
        GrpcChannel eligibility, GrpcChannel dosing, GrpcChannel monitoring, int count, int concurrency)
    {
        var assessments = new List<string>();
        var eligibilityClient = new EligibilityService.EligibilityServiceClient(eligibility);
        for (var i = 0; i < Math.Max(1, count / 500); i++)
        {
            assessments.Add((await eligibilityClient.AssessEligibilityAsync(Assessment())).Assessment.AssessmentId);
        }
        var dosingClient = new DosingService.DosingServiceClient(dosing);
        var first = (await dosingClient.PlanRegimenAsync(Plan(assessments[0]))).Regimen;
        var days = first.Days.Count;
        var regimens = new ConcurrentQueue<string>([first.RegimenId]);
        var regimensNeeded = (count + days - 1) / days;
        var next = 1;
        var plans = await LoadLoop.ClosedAsync($"setup: PlanRegimen direct c={concurrency}", concurrency, TimeSpan.FromMinutes(5), async () =>
        {
            var index = Interlocked.Increment(ref next);
            if (index > regimensNeeded)
            {
                throw new OperationCanceledException();
            }
            var regimen = (await dosingClient.PlanRegimenAsync(Plan(assessments[index % assessments.Count]))).Regimen;
            regimens.Enqueue(regimen.RegimenId);
        }, warmup: 0, stopWhenCancelled: true);

        var work = new ConcurrentQueue<(string Regimen, int Day)>(regimens.SelectMany(r => Enumerable.Range(1, days).Select(d => (r, d))).Take(count));
        var infusions = new ConcurrentBag<string>();
        var monitoringClient = new MonitoringService.MonitoringServiceClient(monitoring);
        var starts = await LoadLoop.ClosedAsync($"setup: StartInfusion direct c={concurrency}", concurrency, TimeSpan.FromMinutes(5), async () =>
        {
            if (!work.TryDequeue(out var item))
            {
                throw new OperationCanceledException();
            }
            infusions.Add((await monitoringClient.StartInfusionAsync(Start(item.Regimen, item.Day))).Infusion.InfusionId);
        }, warmup: 0, stopWhenCancelled: true);
        return (infusions.ToList(), plans with { Note = $"{regimens.Count} regimens of {days} days" }, starts);
    }
}
