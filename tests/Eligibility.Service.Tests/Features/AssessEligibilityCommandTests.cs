using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Domain.Rules;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;
using PlasmaExchangeStatus = Ivig.Eligibility.V1.PlasmaExchangeStatus;
using PregnancyState = Ivig.Eligibility.V1.PregnancyState;
using TreatmentPurpose = Ivig.Eligibility.V1.TreatmentPurpose;
using TreatmentResponse = Ivig.Eligibility.V1.TreatmentResponse;
using HypersensitivityHistory = Ivig.Eligibility.V1.HypersensitivityHistory;

namespace Ivig.Eligibility.Tests.Features;

public class AssessEligibilityCommandTests
{
    private readonly FeatureHarness _harness = new();

    [Fact]
    public async Task Refractory_relapse_is_eligible_stored_audited_and_published()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.RefractoryRelapse());

        Assert.Equal(Decision.Eligible, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == AcuteRelapseRefractoryRule.RuleId && r.Outcome == Decision.Eligible);
        Assert.True(Guid.TryParse(assessment.AssessmentId, out var id));
        Assert.Equal("mrn-1001", assessment.PatientReference);
        Assert.Equal(RuleCatalogue.CurrentVersion, assessment.CatalogueVersion);
        Assert.Equal(_harness.Time.GetUtcNow(), assessment.AssessedAt.ToDateTimeOffset());
        Assert.Equal(FeatureHarness.Prescriber.Subject, assessment.AssessedBy.Subject);
        Assert.Equal(FeatureHarness.Prescriber.Role, assessment.AssessedBy.Role);
        Assert.Null(assessment.Override);
        Assert.Equal(ProtoFacts.RefractoryRelapse(), assessment.Facts);

        var stored = Assert.Single(_harness.Store.Assessments);
        Assert.Equal(id, stored.AssessmentId);
        Assert.Equal(FactsHasher.Hash(ProtoFacts.RefractoryRelapse().ToDomain(new EligibilityThresholds())), stored.FactsHash);
        Assert.Equal(stored.FactsHash, assessment.FactsHash);

        var audit = Assert.Single(_harness.Store.AuditTrail);
        Assert.Equal(AuditRecord.AssessAction, audit.Action);
        Assert.Equal(FeatureHarness.Prescriber, audit.Actor);
        Assert.Equal(id, audit.AssessmentId);
        Assert.Equal(stored.FactsHash, audit.FactsHash);
        Assert.Equal(EligibilityOutcome.Eligible, audit.Decision);
        Assert.Equal(assessment.Reasons.Select(r => r.RuleId), audit.RuleIds);

        var published = Assert.Single(_harness.Events.Published);
        Assert.Equal(id, published.AssessmentId);
        Assert.Equal("ELIGIBLE", published.Decision);
        Assert.Equal(assessment.Reasons.Select(r => r.RuleId), published.RuleIds);
        Assert.Equal(RuleCatalogue.CurrentVersion, published.CatalogueVersion);
        Assert.Equal(published, Assert.Single(_harness.Store.Outbox));
    }

    [Fact]
    public async Task The_event_names_the_decision_in_screaming_snake_case()
    {
        await _harness.AssessAsync(ProtoFacts.RelapseWithoutSteroids());

        Assert.Equal("CONSIDER_ALTERNATIVE_FIRST", Assert.Single(_harness.Events.Published).Decision);
        Assert.Contains(AcuteRelapseSteroidRule.RuleId, _harness.Events.Published[0].RuleIds);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_stored_audited_or_published()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.WeightKg = 900;

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => _harness.AssessAsync(facts, patientReference: ""));

        Assert.Equal(["patient_reference", "facts.weight_kg"], ex.Violations.Select(v => v.Field));
        Assert.Empty(_harness.Store.Assessments);
        Assert.Empty(_harness.Store.AuditTrail);
        Assert.Empty(_harness.Events.Published);
    }

    [Fact]
    public async Task Unknown_plasma_exchange_for_a_steroid_refractory_relapse_names_the_contract_field()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.PlasmaExchangeStatus = PlasmaExchangeStatus.Unspecified;
        facts.PlasmaExchangeResponse = TreatmentResponse.Unspecified;

        var assessment = await _harness.AssessAsync(facts);

        Assert.Equal(Decision.InsufficientData, assessment.Decision);
        Assert.Equal(["plasma_exchange_status"], assessment.MissingFacts);
        var missing = Assert.Single(assessment.Reasons, r => r.RuleId == EligibilityEngine.MissingFactsRuleId);
        Assert.Contains("plasma_exchange_status", missing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("plasmaExchange", missing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iga_deficiency_with_antibodies_gives_precautions_and_max_iga_25()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.SerumIgaMgPerDl = 3;
        facts.AntiIgaAntibodies = true;

        var assessment = await _harness.AssessAsync(facts);

        Assert.Equal(Decision.EligibleWithPrecautions, assessment.Decision);
        Assert.Equal(25, assessment.Constraints.MaxIgaMicrogramsPerMl);
        Assert.Contains(assessment.Precautions, p => p.RuleId == IgaPrecautionRule.RuleId);
    }

    [Fact]
    public async Task Without_iga_restriction_max_iga_is_unset()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.RefractoryRelapse());

        Assert.False(assessment.Constraints.HasMaxIgaMicrogramsPerMl);
        Assert.True(assessment.Constraints.PremedicationRequired);
        Assert.True(assessment.Constraints.HydrationRequired);
        Assert.False(assessment.Constraints.AtRiskRateCapRequired);
    }

    [Fact]
    public async Task Diabetes_and_age_70_need_the_at_risk_cap_and_unknown_fructose_intolerance_excludes_sorbitol()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.Diabetes = true;
        facts.AgeYears = 70;
        facts.ClearHereditaryFructoseIntolerance();
        facts.Hyperprolinemia = true;

        var assessment = await _harness.AssessAsync(facts);

        Assert.Equal(Decision.EligibleWithPrecautions, assessment.Decision);
        Assert.True(assessment.Constraints.AtRiskRateCapRequired);
        Assert.Equal([Stabilizers.Proline, Stabilizers.Sorbitol], assessment.Constraints.ExcludedStabilizers);
        Assert.Contains(assessment.Precautions, p => p.RuleId == RenalPrecautionRule.RuleId);
        Assert.Contains(assessment.Precautions, p => p.RuleId == ThrombosisPrecautionRule.RuleId);
    }

    [Fact]
    public async Task Iga_deficient_with_antibodies_and_only_not_severe_asks_for_the_full_hypersensitivity_history()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.SerumIgaMgPerDl = 3;
        facts.AntiIgaAntibodies = true;
        facts.PriorHypersensitivity = HypersensitivityHistory.Unspecified;
        facts.PriorSevereHypersensitivityToImmunoglobulin = false;

        var assessment = await _harness.AssessAsync(facts);

        Assert.Equal(Decision.InsufficientData, assessment.Decision);
        Assert.Equal(["prior_hypersensitivity"], assessment.MissingFacts);
    }

    [Fact]
    public async Task Iga_deficient_with_antibodies_and_a_mild_prior_reaction_is_contraindicated()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.SerumIgaMgPerDl = 3;
        facts.AntiIgaAntibodies = true;
        facts.PriorHypersensitivity = HypersensitivityHistory.NonSevere;

        var assessment = await _harness.AssessAsync(facts);

        Assert.Equal(Decision.Contraindicated, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == IgaAntibodyContraindicationRule.RuleId);
    }

    [Fact]
    public async Task Anaphylaxis_history_is_contraindicated()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.Anaphylaxis());

        Assert.Equal(Decision.Contraindicated, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == HypersensitivityContraindicationRule.RuleId);
    }

    [Fact]
    public async Task Configured_thresholds_are_the_ones_applied()
    {
        var harness = new FeatureHarness(new EligibilityThresholds { EgfrBelowMlPerMin = 100 });

        var assessment = await harness.AssessAsync(ProtoFacts.RefractoryRelapse()); // eGFR 95

        Assert.Equal(Decision.EligibleWithPrecautions, assessment.Decision);
        Assert.Contains(assessment.Precautions, p => p.RuleId == RenalPrecautionRule.RuleId);
    }

    [Fact]
    public async Task Today_comes_from_the_clock_for_the_postpartum_window()
    {
        var facts = ProtoFacts.RefractoryRelapse();
        facts.Purpose = TreatmentPurpose.RelapsePrevention;
        facts.DmtsFeasible = false; // with DMTs feasible, ELIG-DMT-F (CONSIDER_ALTERNATIVE_FIRST) outranks ELIG-PREG
        facts.PregnancyState = PregnancyState.Postpartum;
        facts.DeliveryDate = ProtoFacts.Date(ProtoFacts.Today.AddDays(-14));

        var assessment = await _harness.AssessAsync(facts);

        Assert.Equal(Decision.Eligible, assessment.Decision);
        Assert.Contains(assessment.Reasons, r => r.RuleId == PregnancyRule.RuleId && r.Text.Contains("14 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_assessment_gets_its_own_id()
    {
        var first = await _harness.AssessAsync(ProtoFacts.RefractoryRelapse());
        var second = await _harness.AssessAsync(ProtoFacts.RefractoryRelapse());

        Assert.NotEqual(first.AssessmentId, second.AssessmentId);
        Assert.Equal(first.FactsHash, second.FactsHash);
    }
}
