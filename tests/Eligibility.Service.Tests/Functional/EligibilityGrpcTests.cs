using Google.Rpc;
using Grpc.Core;
using Ivig.Eligibility.Tests.Features;
using Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Tests.Functional;

/// <summary>The gRPC surface in-process: statuses, rich error details and caller metadata as a client sees them.</summary>
public sealed class EligibilityGrpcTests : IClassFixture<EligibilityApiFactory>
{
    private static readonly Metadata Prescriber = Ivig.Testing.DevTokens.For("dr-0042", "prescriber");

    private readonly EligibilityApiFactory _factory;
    private readonly EligibilityService.EligibilityServiceClient _client;

    public EligibilityGrpcTests(EligibilityApiFactory factory)
    {
        _factory = factory;
        _client = factory.CreateGrpcClient();
    }

    private static async Task<RpcException> ExpectAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        return ex;
    }

    private static List<string> FieldViolations(RpcException ex) =>
        [.. ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []];

    private async Task<Assessment> AssessAsync(PatientFacts facts, Metadata? caller = null) =>
        (await _client.AssessEligibilityAsync(
            new AssessEligibilityRequest { PatientReference = "mrn-" + Guid.NewGuid().ToString("N")[..8], Facts = facts },
            caller ?? Prescriber)).Assessment;

    [Fact]
    public async Task AssessEligibility_answers_with_the_assessment_and_records_the_caller()
    {
        var assessment = await AssessAsync(ProtoFacts.RefractoryRelapse());

        Assert.Equal(Decision.Eligible, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == "ELIG-AR-REFRACTORY");
        Assert.Equal("dr-0042", assessment.AssessedBy.Subject);
        Assert.Equal("prescriber", assessment.AssessedBy.Role);
        Assert.Contains(_factory.Events.Published, e => e.AssessmentId == Guid.Parse(assessment.AssessmentId));

        var read = await _client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId });
        Assert.Equal(assessment, read.Assessment);
    }

    [Fact]
    public async Task Without_a_valid_token_nothing_is_assessed_and_a_nurse_may_not_assess()
    {
        var before = _factory.Store.Assessments.Count;
        var request = new AssessEligibilityRequest { PatientReference = "p-0001", Facts = ProtoFacts.RefractoryRelapse() };
        var anonymous = new EligibilityService.EligibilityServiceClient(global::Grpc.Net.Client.GrpcChannel.ForAddress(
            _factory.Server.BaseAddress, new global::Grpc.Net.Client.GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() }));

        await ExpectAsync(StatusCode.Unauthenticated, () => anonymous.AssessEligibilityAsync(request).ResponseAsync);
        await ExpectAsync(StatusCode.Unauthenticated, () => _client.AssessEligibilityAsync(request,
            Ivig.Testing.DevTokens.Bearer(Ivig.Testing.DevTokens.Mint("dr-0042", ["prescriber"], signingKey: "a-forged-key-that-is-long-enough-to-sign-with!!"))).ResponseAsync);
        await ExpectAsync(StatusCode.PermissionDenied, () => _client.AssessEligibilityAsync(request, Ivig.Testing.DevTokens.For("rn-0007", "nurse")).ResponseAsync);

        Assert.Equal(before, _factory.Store.Assessments.Count);
    }

    [Fact]
    public async Task Bad_input_is_InvalidArgument_with_field_violations_and_nothing_is_stored()
    {
        var before = _factory.Store.Assessments.Count;
        var facts = ProtoFacts.RefractoryRelapse();
        facts.WeightKg = 900;
        facts.Phenotype = (MsPhenotype)42;

        var ex = await ExpectAsync(StatusCode.InvalidArgument, () => _client.AssessEligibilityAsync(
            new AssessEligibilityRequest { Facts = facts }, Prescriber).ResponseAsync);

        Assert.Equal(["patient_reference", "facts.phenotype", "facts.weight_kg"], FieldViolations(ex));
        Assert.Equal(before, _factory.Store.Assessments.Count);
    }

    [Fact]
    public async Task Unknown_and_malformed_assessment_ids_are_NotFound_and_InvalidArgument()
    {
        await ExpectAsync(StatusCode.NotFound, () => _client.GetAssessmentAsync(
            new GetAssessmentRequest { AssessmentId = Guid.NewGuid().ToString() }).ResponseAsync);

        var ex = await ExpectAsync(StatusCode.InvalidArgument, () => _client.GetAssessmentAsync(
            new GetAssessmentRequest { AssessmentId = "nope" }).ResponseAsync);
        Assert.Equal(["assessment_id"], FieldViolations(ex));
    }

    [Fact]
    public async Task Overriding_a_contraindication_is_FailedPrecondition_naming_the_condition()
    {
        var assessment = await AssessAsync(ProtoFacts.Anaphylaxis());

        var ex = await ExpectAsync(StatusCode.FailedPrecondition, () => _client.RecordOverrideAsync(
            new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "Benefit outweighs risk." }, Prescriber).ResponseAsync);

        Assert.Equal("NOT_OVERRIDABLE", ex.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Type);
    }

    [Fact]
    public async Task An_override_is_audited_with_its_caller_and_listed_newest_first()
    {
        var assessment = await AssessAsync(ProtoFacts.SpmsProgression());
        _factory.Time.Advance(TimeSpan.FromSeconds(1));
        var overrider = Ivig.Testing.DevTokens.For("dr-0077", "prescriber");

        var overridden = await _client.RecordOverrideAsync(
            new RecordOverrideRequest { AssessmentId = assessment.AssessmentId, Reason = "MDT decision." }, overrider);
        var audit = await _client.ListAuditEntriesAsync(new ListAuditEntriesRequest { AssessmentId = assessment.AssessmentId });

        Assert.Equal("dr-0077", overridden.Assessment.Override.By.Subject);
        Assert.Equal(["RecordOverride", "AssessEligibility"], audit.Entries.Select(e => e.Action));
        Assert.Equal(["dr-0077", "dr-0042"], audit.Entries.Select(e => e.Actor.Subject));
    }

    [Fact]
    public async Task ListRules_still_answers_with_the_catalogue() =>
        Assert.Contains((await _client.ListRulesAsync(new ListRulesRequest())).Rules, r => r.RuleId == "CI-IGA-AB");
}
