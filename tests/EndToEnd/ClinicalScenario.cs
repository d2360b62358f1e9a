using Ivig.Testing;
using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.EndToEnd;

/// <summary>
/// The ordinary path to a running infusion, through the gateway: a refractory acute relapse is
/// assessed eligible, a Privigen regimen is planned, and day 1 is started.
/// </summary>
internal sealed class ClinicalScenario(SuiteFixture suite)
{
    public static readonly Metadata Nurse = Ivig.Testing.DevTokens.For("e2e-nurse", "nurse");
    public static readonly Metadata Prescriber = Ivig.Testing.DevTokens.For("e2e-prescriber", "prescriber");

    public EligibilityService.EligibilityServiceClient Eligibility { get; } = new(suite.GatewayChannel);
    public DosingService.DosingServiceClient Dosing { get; } = new(suite.GatewayChannel);
    public MonitoringService.MonitoringServiceClient Monitoring { get; } = new(suite.GatewayChannel);

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

    public async Task<Assessment> AssessEligibleAsync()
    {
        var reply = await Eligibility.AssessEligibilityAsync(new AssessEligibilityRequest
        {
            PatientReference = "e2e-" + Guid.NewGuid().ToString("N")[..12],
            Facts = RefractoryRelapseFacts(),
        }, Prescriber);
        return reply.Assessment;
    }

    public async Task<Regimen> PlanAsync(string assessmentId, string productId = "privigen")
    {
        var reply = await Dosing.PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = assessmentId,
            ProductId = productId,
            Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female,
            HeightCm = 165,
            WeightKg = 70,
        }, Prescriber);
        return reply.Regimen;
    }

    public async Task<Infusion> StartRunningInfusionAsync()
    {
        var assessment = await AssessEligibleAsync();
        var regimen = await PlanAsync(assessment.AssessmentId);
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

    /// <summary>Polls GetInfusion until the condition holds (events cross RabbitMQ asynchronously).</summary>
    public async Task<Infusion> WaitForAsync(string infusionId, Func<Infusion, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var infusion = (await Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusionId })).Infusion;
            if (condition(infusion))
            {
                return infusion;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Infusion {infusionId} did not reach the expected state; last: {infusion}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Every alert of one infusion seen on WatchAlerts within the window, by alert id.</summary>
    public async Task<IReadOnlyDictionary<string, Alert>> CollectAlertsAsync(string infusionId, TimeSpan window)
    {
        var alerts = new Dictionary<string, Alert>();
        using var cts = new CancellationTokenSource(window);
        using var call = Monitoring.WatchAlerts(new WatchAlertsRequest { InfusionId = infusionId }, cancellationToken: cts.Token);
        try
        {
            await foreach (var item in call.ResponseStream.ReadAllAsync(cts.Token))
            {
                alerts[item.Alert.AlertId] = item.Alert;
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }
        return alerts;
    }
}
