using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Hl7.Fhir.Serialization;
using Ivig.Monitoring.V1;
using Ivig.Testing;
using FhirModel = Hl7.Fhir.Model;

namespace Ivig.EndToEnd;

/// <summary>
/// The FHIR R4 export of a real infusion (start, vitals with weight, grade 1 reaction, Dosing's halving
/// order over RabbitMQ, complete), through the gateway as the integration role: by the gRPC RPC and as
/// application/fhir+json at /fhir/infusions/{id}. Both are parsed back with the Firely SDK (strict:
/// cardinality and formats) and checked for LOINC codes, units, statuses and references.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class FhirExportTests(SuiteFixture suite)
{
    private const string IntegrationSubject = "e2e-integration";
    private static readonly Metadata Integration = DevTokens.For(IntegrationSubject, "integration");
    private static readonly string[] VitalSignCodes = ["85354-9", "8867-4", "9279-1", "8310-5", "59408-5", "29463-7"];

    private readonly ClinicalScenario _scenario = new(suite);

    [Fact]
    public async Task A_real_infusion_exports_as_a_FHIR_bundle_by_rpc_and_by_http_for_the_integration_role()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var id = infusion.InfusionId;
        var vitals = ClinicalScenario.NormalVitals();
        vitals.WeightKg = 70;
        await _scenario.Monitoring.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = id, Vitals = vitals }, ClinicalScenario.Nurse);
        await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest
        {
            InfusionId = id,
            Kind = ReactionKind.Grade1,
            Symptoms = { "flushing" },
        }, ClinicalScenario.Nurse);
        var slowed = await _scenario.WaitForAsync(id, i => i.RateHistory.Any(c => c.RuleId == "RXN-G1"), TimeSpan.FromSeconds(20));
        Assert.Equal(infusion.CurrentRate.MgPerKgPerMin * 0.5, slowed.CurrentRate.MgPerKgPerMin, precision: 6);
        await _scenario.Monitoring.CompleteInfusionAsync(new CompleteInfusionRequest { InfusionId = id }, ClinicalScenario.Nurse);

        var reply = await _scenario.Monitoring.ExportInfusionBundleAsync(new ExportInfusionBundleRequest { InfusionId = id }, Integration);
        var byRpc = Parse(reply.FhirJson);
        AssertInfusionBundle(byRpc, infusion, slowed);

        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };
        using var response = await http.SendAsync(FhirRequest(id, DevTokens.Mint(IntegrationSubject, "integration")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var byHttp = Parse(await response.Content.ReadAsStringAsync());
        AssertInfusionBundle(byHttp, infusion, slowed);

        // Ids are derived from the suite's own ids: both exports name every resource the same.
        Assert.Equal(byRpc.Entry.Select(e => e.FullUrl), byHttp.Entry.Select(e => e.FullUrl));
    }

    [Fact]
    public async Task Only_the_integration_role_may_export()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();

        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };
        using var forbidden = await http.SendAsync(FhirRequest(infusion.InfusionId, DevTokens.Mint("e2e-nurse", "nurse")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await http.SendAsync(FhirRequest(infusion.InfusionId, token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await RpcErrors.ExpectAsync(StatusCode.PermissionDenied, () => _scenario.Monitoring.ExportInfusionBundleAsync(
            new ExportInfusionBundleRequest { InfusionId = infusion.InfusionId }, ClinicalScenario.Nurse).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_infusion_is_not_found_as_an_operation_outcome()
    {
        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };
        using var response = await http.SendAsync(FhirRequest(Guid.NewGuid().ToString(), DevTokens.Mint(IntegrationSubject, "integration")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var outcome = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<FhirModel.OperationOutcome>(await response.Content.ReadAsStringAsync());
        Assert.Equal(FhirModel.OperationOutcome.IssueType.NotFound, Assert.Single(outcome.Issue).Code);
    }

    private static HttpRequestMessage FhirRequest(string infusionId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/infusions/{infusionId}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>A sub-extension's value (the rate-change extension is complex: at, rate, source, reason, ruleId).</summary>
    private static FhirModel.DataType? Part(FhirModel.Extension extension, string url) =>
        extension.Extension.FirstOrDefault(x => x.Url == url)?.Value;

    private static FhirModel.Bundle Parse(string json) =>
        new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<FhirModel.Bundle>(json);

    private static void AssertInfusionBundle(FhirModel.Bundle bundle, Infusion started, Infusion slowed)
    {
        Assert.Equal(FhirModel.Bundle.BundleType.Collection, bundle.Type);
        var resources = bundle.Entry.Select(e => e.Resource!).ToList();
        string FullUrlOf(FhirModel.Resource resource) => bundle.Entry.Single(e => ReferenceEquals(e.Resource, resource)).FullUrl!;

        var patient = Assert.Single(resources.OfType<FhirModel.Patient>());
        Assert.Equal(started.PatientReference, Assert.Single(patient.Identifier).Value);
        Assert.Empty(patient.Name);
        Assert.Null(patient.BirthDate);
        var patientUrl = FullUrlOf(patient);

        var request = Assert.Single(resources.OfType<FhirModel.MedicationRequest>());
        Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<FhirModel.CodeableConcept>(request.Medication).Text));
        Assert.NotEmpty(request.DosageInstruction);
        Assert.All(request.DosageInstruction, d =>
        {
            var rate = Assert.IsType<FhirModel.Quantity>(Assert.Single(d.DoseAndRate).Rate);
            Assert.Equal("mL/h", rate.Code);
            Assert.Equal("http://unitsofmeasure.org", rate.System);
            Assert.Contains("mg/kg/min", d.Text, StringComparison.Ordinal);
        });
        Assert.Equal(patientUrl, request.Subject!.Reference);

        var administration = Assert.Single(resources.OfType<FhirModel.MedicationAdministration>());
        Assert.Equal(FhirModel.MedicationAdministration.MedicationAdministrationStatusCodes.Completed, administration.Status);
        Assert.Equal(FullUrlOf(request), administration.Request!.Reference);
        Assert.Equal(started.InfusionId, administration.Id);
        var ruleIds = administration.Extension
            .Select(e => Part(e, "ruleId"))
            .OfType<FhirModel.Code>()
            .Select(c => c.Value)
            .ToList();
        Assert.Contains("RXN-G1", ruleIds);
        var halved = administration.Extension.Single(e => (Part(e, "ruleId") as FhirModel.Code)?.Value == "RXN-G1");
        Assert.Equal((decimal)slowed.CurrentRate.MlPerHour, ((FhirModel.Quantity)Part(halved, "rate")!).Value!.Value, 3);

        var observations = resources.OfType<FhirModel.Observation>().ToList();
        Assert.Equal(11, observations.Count); // baseline: 5 vital signs; the second reading adds body weight
        foreach (var code in VitalSignCodes)
        {
            Assert.Contains(observations, o => o.Code!.Coding.Any(c => c.System == "http://loinc.org" && c.Code == code));
        }
        var panels = observations.Where(o => o.Code!.Coding.Any(c => c.Code == "85354-9")).ToList();
        Assert.Equal(2, panels.Count);
        Assert.All(panels, p => Assert.Equal(["8480-6", "8462-4"], p.Component.Select(c => c.Code!.Coding[0].Code!).ToArray()));
        Assert.All(panels.SelectMany(p => p.Component), c => Assert.Equal("mm[Hg]", ((FhirModel.Quantity)c.Value!).Code));
        var units = new Dictionary<string, string> { ["8867-4"] = "/min", ["9279-1"] = "/min", ["8310-5"] = "Cel", ["59408-5"] = "%", ["29463-7"] = "kg" };
        foreach (var (code, unit) in units)
        {
            Assert.All(observations.Where(o => o.Code!.Coding.Any(c => c.Code == code)), o => Assert.Equal(unit, ((FhirModel.Quantity)o.Value!).Code));
        }
        Assert.All(observations, o =>
        {
            Assert.Equal(patientUrl, o.Subject!.Reference);
            Assert.Contains(o.Category.SelectMany(c => c.Coding), c => c.Code == "vital-signs");
            Assert.IsType<FhirModel.FhirDateTime>(o.Effective);
        });

        var adverse = Assert.Single(resources.OfType<FhirModel.AdverseEvent>());
        Assert.Equal(FhirModel.AdverseEvent.AdverseEventActuality.Actual, adverse.Actuality);
        Assert.Contains("RXN-G1", adverse.Event!.Text, StringComparison.Ordinal);
        Assert.Contains("grade 1", adverse.Event!.Text, StringComparison.Ordinal);
        Assert.Equal(FullUrlOf(administration), Assert.Single(adverse.SuspectEntity).Instance!.Reference);

        // The scenario's assessment is ELIGIBLE for a refractory relapse: its precautions are issues, none contraindicates.
        var issues = resources.OfType<FhirModel.DetectedIssue>().ToList();
        Assert.NotEmpty(issues);
        Assert.DoesNotContain(issues, i => i.Severity == FhirModel.DetectedIssue.DetectedIssueSeverity.High);
        Assert.Contains(issues, i => i.Code!.Text == "PRE-HYDRATION");

        var audit = Assert.Single(resources.OfType<FhirModel.AuditEvent>());
        Assert.Equal("AssessEligibility", audit.Type!.Code);
        Assert.Equal("e2e-prescriber", Assert.Single(audit.Agent).Who!.Identifier!.Value);
        Assert.Equal(FhirModel.AuditEvent.AuditEventOutcome.N0, audit.Outcome);

        // Every literal reference resolves to an entry of the bundle.
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        var references = new List<string?>
        {
            request.Subject!.Reference, administration.Subject!.Reference, administration.Request!.Reference,
            adverse.Subject!.Reference, adverse.SuspectEntity[0].Instance!.Reference,
        };
        references.AddRange(observations.SelectMany(o => o.PartOf.Select(p => p.Reference).Append(o.Subject!.Reference)));
        references.AddRange(issues.SelectMany(i => i.Implicated.Select(r => r.Reference).Append(i.Patient!.Reference)));
        references.AddRange(request.DetectedIssue.Select(r => r.Reference));
        Assert.All(references, r => Assert.Contains(r, fullUrls));
    }
}
