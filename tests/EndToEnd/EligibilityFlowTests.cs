using Ivig.Testing;
using System.Collections.Concurrent;
using Google.Rpc;
using Grpc.Core;
using Ivig.Eligibility.V1;
using Ivig.IntegrationEvents;
using MassTransit;

namespace Ivig.EndToEnd;

/// <summary>
/// Eligibility through the gateway on the real Redis and RabbitMQ: assessments are stored and listed,
/// overrides follow the catalogue's rules and are audited with the caller, bad input is InvalidArgument
/// with field details, and every assessment is announced as EligibilityAssessed.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class EligibilityFlowTests(SuiteFixture suite)
{
    private readonly EligibilityService.EligibilityServiceClient _client = new(suite.GatewayChannel);

    private static string NewPatientReference() => "e2e-" + Guid.NewGuid().ToString("N");

    private static Metadata Caller(string id, string role = "prescriber") => Ivig.Testing.DevTokens.For(id, role);

    /// <summary>Acute relapse refractory to corticosteroids and plasma exchange, every fact known, no risk factor.</summary>
    private static PatientFacts RefractoryRelapse() => ExamplePatients.RefractoryRelapse(ageYears: 41, heightCm: 168);

    private static PatientFacts SpmsProgression()
    {
        var facts = RefractoryRelapse();
        facts.Phenotype = MsPhenotype.Spms;
        facts.Purpose = TreatmentPurpose.Progression;
        return facts;
    }

    private static PatientFacts Anaphylaxis()
    {
        var facts = RefractoryRelapse();
        facts.PriorHypersensitivity = HypersensitivityHistory.SevereSystemicOrAnaphylaxis;
        return facts;
    }

    private async Task<Assessment> AssessAsync(string patientReference, PatientFacts facts, string callerId = "e2e-prescriber") =>
        (await _client.AssessEligibilityAsync(
            new AssessEligibilityRequest { PatientReference = patientReference, Facts = facts }, Caller(callerId))).Assessment;

    [Fact]
    public async Task Refractory_acute_relapse_is_eligible_stored_and_listed_newest_first()
    {
        var patient = NewPatientReference();

        var first = await AssessAsync(patient, RefractoryRelapse());
        var second = await AssessAsync(patient, RefractoryRelapse());

        Assert.True(first.Decision is Decision.Eligible or Decision.EligibleWithPrecautions, $"Decision was {first.Decision}.");
        Assert.Contains(first.Reasons, r => r.RuleId == "ELIG-AR-REFRACTORY");
        Assert.False(string.IsNullOrEmpty(first.CatalogueVersion));
        Assert.Equal("e2e-prescriber", first.AssessedBy.Subject);
        Assert.True(first.Constraints.PremedicationRequired);

        var read = (await _client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = first.AssessmentId })).Assessment;
        Assert.Equal(first, read);

        // Assessments live in durable Redis: a restarted Eligibility reads the same one back.
        await suite.RestartResourceAsync("eligibility");
        var afterRestart = (await _client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = first.AssessmentId })).Assessment;
        Assert.Equal(first, afterRestart);

        var listed = await _client.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = patient });
        Assert.Equal([second.AssessmentId, first.AssessmentId], listed.Assessments.Select(a => a.AssessmentId));
        Assert.Equal("", listed.NextPageToken);

        var firstPage = await _client.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = patient, PageSize = 1 });
        var secondPage = await _client.ListAssessmentsAsync(
            new ListAssessmentsRequest { PatientReference = patient, PageSize = 1, PageToken = firstPage.NextPageToken });
        Assert.Equal(second.AssessmentId, Assert.Single(firstPage.Assessments).AssessmentId);
        Assert.Equal(first.AssessmentId, Assert.Single(secondPage.Assessments).AssessmentId);
    }

    [Fact]
    public async Task Spms_progression_is_not_recommended_and_an_override_with_a_reason_is_stored_and_audited()
    {
        var assessorId = "e2e-assessor-" + Guid.NewGuid().ToString("N")[..8];
        var overriderId = "e2e-overrider-" + Guid.NewGuid().ToString("N")[..8];
        var assessment = await AssessAsync(NewPatientReference(), SpmsProgression(), assessorId);
        Assert.Equal(Decision.NotRecommended, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == "ELIG-PROG");

        var overridden = (await _client.RecordOverrideAsync(
            new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "MDT decision after informed consent." },
            Caller(overriderId))).Assessment;

        Assert.Equal(Decision.NotRecommended, overridden.Decision);
        Assert.Equal("MDT decision after informed consent.", overridden.Override.Reason);
        Assert.Equal(overriderId, overridden.Override.By.Subject);

        var read = (await _client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId })).Assessment;
        Assert.Equal("MDT decision after informed consent.", read.Override.Reason);
        Assert.Equal(assessment.Reasons, read.Reasons);

        var audit = await _client.ListAuditEntriesAsync(new ListAuditEntriesRequest { AssessmentId = assessment.AssessmentId });
        Assert.Equal(["RecordOverride", "AssessEligibility"], audit.Entries.Select(e => e.Action));
        Assert.Equal([overriderId, assessorId], audit.Entries.Select(e => e.Actor.Subject));
        Assert.All(audit.Entries, e => Assert.Equal(assessment.FactsHash, e.FactsHash));
        Assert.All(audit.Entries, e => Assert.Contains("ELIG-PROG", e.RuleIds));

        var again = await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => _client.RecordOverrideAsync(
            new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "Second opinion." }, Caller(overriderId)).ResponseAsync);
        Assert.Equal("ALREADY_OVERRIDDEN", PreconditionType(again));

        var noReason = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => _client.RecordOverrideAsync(
            new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "  " }, Caller(overriderId)).ResponseAsync);
        Assert.Contains("reason", RpcErrors.FieldViolations(noReason));
    }

    [Fact]
    public async Task Anaphylaxis_history_is_contraindicated_and_cannot_be_overridden()
    {
        var assessment = await AssessAsync(NewPatientReference(), Anaphylaxis());
        Assert.Equal(Decision.Contraindicated, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == "CI-HYPERSENS");

        var ex = await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => _client.RecordOverrideAsync(
            new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "Benefit outweighs risk." },
            Caller("e2e-prescriber")).ResponseAsync);
        Assert.Equal("NOT_OVERRIDABLE", PreconditionType(ex));

        var read = (await _client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId })).Assessment;
        Assert.Null(read.Override);
    }

    [Fact]
    public async Task Bad_input_is_InvalidArgument_with_the_field_names_and_stores_nothing()
    {
        var facts = RefractoryRelapse();
        facts.WeightKg = 900;

        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => _client.AssessEligibilityAsync(
            new AssessEligibilityRequest { Facts = facts }, Caller("e2e-prescriber")).ResponseAsync);
        Assert.Contains("patient_reference", RpcErrors.FieldViolations(ex));
        Assert.Contains("facts.weight_kg", RpcErrors.FieldViolations(ex));

        var patient = NewPatientReference();
        var onlyWeight = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => _client.AssessEligibilityAsync(
            new AssessEligibilityRequest { PatientReference = patient, Facts = facts }, Caller("e2e-prescriber")).ResponseAsync);
        Assert.Equal(["facts.weight_kg"], RpcErrors.FieldViolations(onlyWeight));
        Assert.Empty((await _client.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = patient })).Assessments);

        var badPaging = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => _client.ListAssessmentsAsync(
            new ListAssessmentsRequest { PatientReference = patient, PageSize = 500, PageToken = "not-a-token" }).ResponseAsync);
        Assert.Contains("page_size", RpcErrors.FieldViolations(badPaging));
        Assert.Contains("page_token", RpcErrors.FieldViolations(badPaging));
    }

    [Fact]
    public async Task An_unknown_assessment_is_NotFound_and_a_malformed_id_is_InvalidArgument()
    {
        await RpcErrors.ExpectAsync(StatusCode.NotFound, () => _client.GetAssessmentAsync(
            new GetAssessmentRequest { AssessmentId = Guid.NewGuid().ToString() }).ResponseAsync);

        var malformed = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => _client.GetAssessmentAsync(
            new GetAssessmentRequest { AssessmentId = "not-an-id" }).ResponseAsync);
        Assert.Contains("assessment_id", RpcErrors.FieldViolations(malformed));

        await RpcErrors.ExpectAsync(StatusCode.NotFound, () => _client.ListAuditEntriesAsync(
            new ListAuditEntriesRequest { AssessmentId = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task Every_assessment_is_published_as_EligibilityAssessed_over_RabbitMQ()
    {
        var received = new ConcurrentDictionary<Guid, (EligibilityAssessed Message, Guid? MessageId)>();
        var messaging = new Uri(await suite.ConnectionStringAsync("messaging"));
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(messaging);
            cfg.ReceiveEndpoint("e2e-eligibility-assessed-" + Guid.NewGuid().ToString("N"), endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<EligibilityAssessed>(context =>
                {
                    received[context.Message.AssessmentId] = (context.Message, context.MessageId);
                    return Task.CompletedTask;
                });
            });
        });
        var handle = await bus.StartAsync();
        try
        {
            await handle.Ready;
            var assessment = await AssessAsync(NewPatientReference(), SpmsProgression());
            var id = Guid.Parse(assessment.AssessmentId);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!received.ContainsKey(id) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.True(received.TryGetValue(id, out var published), "EligibilityAssessed did not arrive within 30 s.");
            Assert.Equal("NOT_RECOMMENDED", published.Message.Decision);
            Assert.Contains("ELIG-PROG", published.Message.RuleIds);
            Assert.Equal(assessment.CatalogueVersion, published.Message.CatalogueVersion);
            Assert.Equal(id, published.MessageId); // the assessment id: consumers de-duplicate redeliveries by it
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static string? PreconditionType(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Type;
}
