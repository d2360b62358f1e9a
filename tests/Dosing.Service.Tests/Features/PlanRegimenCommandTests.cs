using Grpc.Core;
using Ivig.Dosing.Features.Messaging;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.Tests.Fakes;
using Ivig.Eligibility.V1;
using Ivig.IntegrationEvents;
using Ivig.ServiceDefaults.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ivig.Dosing.Tests.Features;

/// <summary>PlanRegimen and GetRegimen end to end inside the service, with Eligibility, Redis and the broker faked.</summary>
public class PlanRegimenCommandTests
{
    private readonly PlanRegimenSetup _setup = new();

    private Guid Eligible(Action<Eligibility.V1.ProductConstraints>? constraints = null) =>
        _setup.Eligibility.Add(FakeEligibility.Assessment(Decision.Eligible, constraints));

    [Fact]
    public async Task An_eligible_assessment_gives_a_stored_audited_and_announced_regimen()
    {
        var assessmentId = Eligible();

        var regimen = (await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId))).Regimen;

        // 70 kg x 0.4 g/kg = 28 g computed, 30 g to the nearest 5 g, 5 days = 150 g (DOSE-ACUTE, DOSE-ROUND).
        Assert.Equal(5, regimen.Days.Count);
        Assert.All(regimen.Days, d => Assert.Equal((28.0, 30.0, 300.0), (d.ComputedGrams, d.Grams, d.VolumeMl)));
        Assert.Equal(150.0, regimen.TotalGramsPerCourse);
        Assert.Equal(assessmentId.ToString("D"), regimen.AssessmentId);
        Assert.Equal("patient-ref-1", regimen.PatientReference);
        Assert.Equal(("dr-house", "prescriber"), (regimen.PlannedBy.Subject, regimen.PlannedBy.Role));
        Assert.Equal(_setup.Time.Now, regimen.PlannedAt.ToDateTimeOffset());
        Assert.Equal("1.0.0", regimen.CatalogueVersion);

        var stored = Assert.Single(_setup.Store.Regimens);
        Assert.Equal(regimen, stored);

        var audit = Assert.Single(_setup.Store.Audit);
        Assert.Equal(("dr-house", "prescriber", "PlanRegimen"), (audit.ActorSubject, audit.ActorRole, audit.Action));
        Assert.Equal(Guid.Parse(regimen.RegimenId), audit.RegimenId);
        Assert.Equal(assessmentId, audit.AssessmentId);
        Assert.Equal(_setup.Time.Now, audit.At);
        Assert.Matches("^[0-9a-f]{64}$", audit.InputsHash);
        Assert.Equal(["DOSE-WEIGHT", "DOSE-ACUTE", "DOSE-ROUND", "PRE-PREMED", "PRE-HYDRATION"], audit.RuleIds);
        Assert.DoesNotContain("patient-ref-1", audit.Detail, StringComparison.Ordinal);

        var planned = Assert.Single(_setup.Publisher.Of<RegimenPlanned>());
        Assert.Equal(
            new RegimenPlanned(Guid.Parse(regimen.RegimenId), assessmentId, "privigen", "AcuteRelapse", 70.0, 150.0, false, audit.RuleIds, _setup.Time.Now),
            planned with { RuleIds = audit.RuleIds });
        Assert.Equal(audit.RuleIds, planned.RuleIds);
        Assert.Empty(_setup.Store.Outbox); // published, so no longer pending
    }

    [Fact]
    public async Task The_inputs_hash_depends_on_the_inputs_only()
    {
        var assessmentId = Eligible();

        await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId));
        await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId));
        var heavier = PlanRegimenSetup.Man70Kg(assessmentId);
        heavier.WeightKg = 71;
        await _setup.PlanAsync(heavier);

        var hashes = _setup.Store.Audit.Select(a => a.InputsHash).ToList();
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.Equal(3, _setup.Store.Regimens.Select(r => r.RegimenId).Distinct().Count());
    }

    [Fact]
    public async Task A_contraindicated_assessment_is_FailedPrecondition_and_nothing_is_stored()
    {
        var assessmentId = _setup.Eligibility.Add(FakeEligibility.Assessment(Decision.Contraindicated));

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId)));

        Assert.Equal("ASSESSMENT_CONTRAINDICATED", ex.Condition);
        AssertNothingStoredOrPublished();
    }

    [Fact]
    public async Task Not_recommended_without_override_is_OVERRIDE_REQUIRED_and_with_one_is_planned_and_audited_as_such()
    {
        var withoutOverride = _setup.Eligibility.Add(FakeEligibility.Assessment(Decision.NotRecommended));
        var overridden = FakeEligibility.Assessment(Decision.NotRecommended);
        overridden.Override = new Override { Reason = "prescriber's reason" };
        var withOverride = _setup.Eligibility.Add(overridden);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => _setup.PlanAsync(PlanRegimenSetup.Man70Kg(withoutOverride)));
        Assert.Equal("OVERRIDE_REQUIRED", ex.Condition);
        AssertNothingStoredOrPublished();

        await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(withOverride));
        Assert.Contains("NotRecommended with a recorded override", Assert.Single(_setup.Store.Audit).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_outside_the_assessments_constraints_is_refused_with_the_reason()
    {
        var assessmentId = Eligible(c => c.ExcludedStabilizers.Add("sorbitol"));

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId, "flebogamma-10-dif")));

        Assert.Equal("PRODUCT_NOT_ALLOWED", ex.Condition);
        Assert.Contains("stabilizer 'sorbitol' is excluded", ex.Message, StringComparison.Ordinal);
        AssertNothingStoredOrPublished();
    }

    [Fact]
    public async Task The_at_risk_cap_follows_the_assessment()
    {
        var assessmentId = Eligible(c => c.AtRiskRateCapRequired = true);

        var regimen = (await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId))).Regimen;

        // Privigen's cap is 2 mg/kg/min = 2 x 70 x 60 / 100 = 84 mL/h: the ladder holds there (DOSE-CAP).
        Assert.True(regimen.AtRiskCapApplied);
        Assert.Equal((2.0, 84.0), (regimen.AtRiskCap.MgPerKgPerMin, regimen.AtRiskCap.MlPerHour));
        Assert.Equal(2.0, regimen.Ladder[^1].Rate.MgPerKgPerMin);
        Assert.Contains(regimen.Rules, r => r.RuleId == "DOSE-CAP");
        Assert.True(Assert.Single(_setup.Publisher.Of<RegimenPlanned>()).AtRiskCapApplied);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_eligibility_is_asked()
    {
        var request = PlanRegimenSetup.Man70Kg(Eligible());
        request.WeightKg = 1000;

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => _setup.PlanAsync(request));

        Assert.Equal("weight_kg", Assert.Single(ex.Violations).Field);
        Assert.Equal(0, _setup.Eligibility.Calls);
        AssertNothingStoredOrPublished();
    }

    [Fact]
    public async Task An_unknown_assessment_is_NotFound()
    {
        var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _setup.PlanAsync(PlanRegimenSetup.Man70Kg(Guid.NewGuid())));

        Assert.Equal("Assessment", ex.ResourceType);
        AssertNothingStoredOrPublished();
    }

    [Fact]
    public async Task Eligibility_down_is_Unavailable_and_nothing_is_stored()
    {
        var assessmentId = Eligible();
        _setup.Eligibility.Down = true;

        var ex = await Assert.ThrowsAsync<RpcException>(() => _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId)));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        AssertNothingStoredOrPublished();
    }

    [Fact]
    public async Task With_the_broker_down_the_regimen_is_kept_and_its_event_published_later_from_the_outbox()
    {
        var assessmentId = Eligible();
        _setup.Publisher.Down = true;

        var regimen = (await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(assessmentId))).Regimen;

        Assert.Single(_setup.Store.Regimens);
        Assert.Equal(Guid.Parse(regimen.RegimenId), Assert.Single(_setup.Store.Outbox).RegimenId);

        _setup.Publisher.Down = false;
        _setup.Time.Now += RegimenPlannedRepublisher.Interval + TimeSpan.FromSeconds(1);
        var services = new ServiceCollection().AddSingleton<IIntegrationEventPublisher>(_setup.Publisher).BuildServiceProvider();
        var republisher = new RegimenPlannedRepublisher(
            services.GetRequiredService<IServiceScopeFactory>(),
            _setup.Store,
            new RegimenPlannedPublication(_setup.Store, NullLogger<RegimenPlannedPublication>.Instance),
            _setup.Time,
            NullLogger<RegimenPlannedRepublisher>.Instance);

        Assert.Equal(1, await republisher.SweepAsync(CancellationToken.None));
        Assert.Equal(Guid.Parse(regimen.RegimenId), Assert.Single(_setup.Publisher.Of<RegimenPlanned>()).RegimenId);
        Assert.Empty(_setup.Store.Outbox);
    }

    [Fact]
    public async Task GetRegimen_returns_the_regimen_as_planned()
    {
        var planned = (await _setup.PlanAsync(PlanRegimenSetup.Man70Kg(Eligible()))).Regimen;

        var read = (await _setup.Query.GetAsync(new V1.GetRegimenRequest { RegimenId = planned.RegimenId }, CancellationToken.None)).Regimen;

        Assert.Equal(planned, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("regimen-1")]
    public async Task GetRegimen_with_a_bad_id_is_InvalidArgument_on_regimen_id(string id)
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(
            () => _setup.Query.GetAsync(new V1.GetRegimenRequest { RegimenId = id }, CancellationToken.None));

        Assert.Equal("regimen_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task GetRegimen_of_an_unknown_id_is_NotFound()
    {
        var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => _setup.Query.GetAsync(new V1.GetRegimenRequest { RegimenId = Guid.NewGuid().ToString() }, CancellationToken.None));

        Assert.Equal("Regimen", ex.ResourceType);
    }

    private void AssertNothingStoredOrPublished()
    {
        Assert.Empty(_setup.Store.Regimens);
        Assert.Empty(_setup.Store.Audit);
        Assert.Empty(_setup.Publisher.Published);
    }
}
