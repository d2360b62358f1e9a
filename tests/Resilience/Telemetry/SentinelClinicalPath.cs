using System.Net.Http.Headers;
using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;
using Ivig.Testing;

namespace Ivig.Resilience.Telemetry;

/// <summary>
/// The whole clinical path carrying the sentinels, through the gateway: assess (and override a second,
/// not-recommended assessment), plan, start without premedication, vitals unary and streamed, a reaction
/// with its symptom, Dosing's order over RabbitMQ, resolve, pause, resume, stop, restart, complete, every
/// read and watch and the FHIR export, the JSON list route with the reference as its query parameter, and
/// failed calls with sentinels in fields where they do not belong.
/// </summary>
internal sealed class SentinelClinicalPath(SuiteFixture suite, PiiSentinels sentinels)
{
    private readonly EligibilityService.EligibilityServiceClient _eligibility = new(suite.GatewayChannel);
    private readonly DosingService.DosingServiceClient _dosing = new(suite.GatewayChannel);
    private readonly MonitoringService.MonitoringServiceClient _monitoring = new(suite.GatewayChannel);

    /// <summary>The number of failed calls made (each must have failed).</summary>
    public int FailedCalls { get; private set; }

    public async Task RunAsync()
    {
        var facts = ExamplePatients.RefractoryRelapse();
        facts.DmtsNotFeasibleReason = sentinels.DmtsNotFeasibleReason;
        var eligible = (await _eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = sentinels.PatientReference, Facts = facts })).Assessment;
        var progression = ExamplePatients.RefractoryRelapse();
        (progression.Phenotype, progression.Purpose) = (MsPhenotype.Spms, TreatmentPurpose.Progression);
        var notRecommended = (await _eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = sentinels.PatientReference, Facts = progression })).Assessment;
        await _eligibility.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = notRecommended.AssessmentId, Reason = sentinels.OverrideReason });

        var regimen = (await _dosing.PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = eligible.AssessmentId,
            ProductId = "privigen",
            Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female,
            HeightCm = 165,
            WeightKg = 70,
        })).Regimen;
        StartInfusionRequest Day1(string restartReason = "") => new()
        {
            RegimenId = regimen.RegimenId,
            Day = 1,
            BaselineVitals = ClinicalScenario.NormalVitals(),
            HydrationConfirmed = true,
            PremedicationGiven = false,
            PremedicationOmittedReason = sentinels.PremedicationOmittedReason,
            RestartReason = restartReason,
        };
        var infusion = (await _monitoring.StartInfusionAsync(Day1())).Infusion;
        var id = infusion.InfusionId;

        await _monitoring.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = id, Vitals = ClinicalScenario.NormalVitals() });
        using (var stream = _monitoring.StreamVitals())
        {
            await stream.RequestStream.WriteAsync(new StreamVitalsRequest { InfusionId = id, Vitals = ClinicalScenario.NormalVitals() });
            await stream.RequestStream.WriteAsync(new StreamVitalsRequest { InfusionId = id, Vitals = ClinicalScenario.NormalVitals() });
            await stream.RequestStream.CompleteAsync();
            await stream.ResponseAsync;
        }

        var reaction = (await _monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = id, Kind = ReactionKind.Grade1, Symptoms = { sentinels.Symptom } })).Reaction;
        var slowed = await new ClinicalScenario(suite).WaitForAsync(id, i => i.RateHistory.Any(c => c.RuleId == "RXN-G1"));
        await _monitoring.ResolveReactionAsync(new ResolveReactionRequest { InfusionId = id, ReactionId = reaction.ReactionId });
        await _monitoring.PauseInfusionAsync(new PauseInfusionRequest { InfusionId = id, Reason = sentinels.PauseReason });
        await _monitoring.ResumeInfusionAsync(new ResumeInfusionRequest { InfusionId = id, RateMgPerKgPerMin = slowed.CurrentRate.MgPerKgPerMin / 2 });
        await _monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = id, Reason = sentinels.StopReason });
        var restarted = (await _monitoring.StartInfusionAsync(Day1(sentinels.RestartReason))).Infusion;
        await _monitoring.CompleteInfusionAsync(new CompleteInfusionRequest { InfusionId = restarted.InfusionId });

        await ReadEverythingAsync(eligible.AssessmentId, regimen.RegimenId, id);
        await FailWithSentinelsAsync(eligible.AssessmentId, restarted.InfusionId);
    }

    private async Task ReadEverythingAsync(string assessmentId, string regimenId, string infusionId)
    {
        await _eligibility.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessmentId });
        await _eligibility.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = sentinels.PatientReference, PageSize = 1 });
        await _eligibility.ListAuditEntriesAsync(new ListAuditEntriesRequest { AssessmentId = assessmentId });
        await _dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = regimenId });
        await _monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusionId });
        await _monitoring.ListActiveInfusionsAsync(new ListActiveInfusionsRequest());
        await _monitoring.ExportInfusionBundleAsync(new ExportInfusionBundleRequest { InfusionId = infusionId });
        using (var watch = _monitoring.WatchInfusion(new WatchInfusionRequest { InfusionId = infusionId }))
        {
            Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        }
        await new ClinicalScenario(suite).CollectAlertsAsync(infusionId, TimeSpan.FromSeconds(1));

        // The documented JSON route for the list, where the reference is a query parameter (proto: never a path segment).
        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.AllRoles());
        using var listed = await http.GetAsync(new Uri("/v1/eligibility/assessments?patientReference=" + Uri.EscapeDataString(sentinels.PatientReference), UriKind.Relative));
        listed.EnsureSuccessStatusCode();
    }

    private async Task FailWithSentinelsAsync(string eligibleAssessmentId, string completedInfusionId)
    {
        var bad = sentinels.InBadField;
        var spoiled = ExamplePatients.RefractoryRelapse();
        spoiled.WeightKg = double.NaN;
        await FailAsync(_eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = sentinels.PatientReference, Facts = spoiled }));
        await FailAsync(_eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = sentinels.PatientReference + " x", Facts = ExamplePatients.RefractoryRelapse() }));
        await FailAsync(_eligibility.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = sentinels.PatientReference, PageToken = bad }));
        await FailAsync(_eligibility.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = bad }));
        await FailAsync(_eligibility.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = eligibleAssessmentId, Reason = sentinels.OverrideReason }));
        await FailAsync(_dosing.GetProductAsync(new GetProductRequest { ProductId = bad }));
        await FailAsync(_dosing.ListProductsAsync(new ListProductsRequest { ExcludedStabilizers = { bad } }));
        await FailAsync(_dosing.PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = eligibleAssessmentId,
            ProductId = bad,
            Indication = Indication.Postpartum,
            DeliveryDate = bad,
            Sex = Ivig.Dosing.V1.Sex.Female,
            HeightCm = 165,
            WeightKg = 70,
        }));
        await FailAsync(_dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = bad }));
        await FailAsync(_monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = bad }));
        await FailAsync(_monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = completedInfusionId, Reason = sentinels.StopReason }));
        await FailAsync(_monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = completedInfusionId, Kind = (ReactionKind)42, Symptoms = { sentinels.Symptom } }));
        await FailAsync(_monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = bad }));
    }

    private async Task FailAsync<T>(AsyncUnaryCall<T> call)
    {
        using (call)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Contains(ex.StatusCode, new[] { StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition });
            FailedCalls++;
        }
    }
}
