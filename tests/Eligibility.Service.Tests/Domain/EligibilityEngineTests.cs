using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Domain.Rules;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class EligibilityEngineTests
{
    private static readonly EligibilityEngine Engine = new();

    private static EligibilityResult Assess(PatientFacts facts, EligibilityThresholds? thresholds = null) =>
        Engine.Assess(facts, TestFacts.Context(thresholds));

    private static IEnumerable<string> ReasonIds(EligibilityResult result) => result.Reasons.Select(r => r.RuleId);

    [Fact]
    public void Refractory_relapse_without_risk_is_eligible_with_advisory_precautions_only()
    {
        var result = Assess(TestFacts.RefractoryRelapse());

        Assert.Equal(EligibilityOutcome.Eligible, result.Decision);
        Assert.Contains(AcuteRelapseRefractoryRule.RuleId, ReasonIds(result));
        Assert.Empty(result.MissingFacts);
        Assert.Equal(
            [
                MeningitisPrecautionRule.RuleId,
                MaltosePrecautionRule.RuleId,
                HydrationPrecautionRule.RuleId,
                PremedicationPrecautionRule.RuleId,
            ],
            result.Precautions.Select(p => p.RuleId));
        Assert.Equal(RuleCatalogue.CurrentVersion, result.CatalogueVersion);
    }

    [Fact]
    public void Renal_risk_lifts_eligible_to_eligible_with_precautions_and_requires_the_rate_cap()
    {
        var result = Assess(TestFacts.RefractoryRelapse() with { Diabetes = true });

        Assert.Equal(EligibilityOutcome.EligibleWithPrecautions, result.Decision);
        Assert.True(result.ProductConstraints.RateCapRequired);
        Assert.True(result.ProductConstraints.HydrationRequired);
        Assert.Equal([FactNames.Diabetes], result.ProductConstraints.RenalRisk.Factors);
    }

    [Fact]
    public void Thrombosis_risk_requires_the_rate_cap() =>
        Assert.True(Assess(TestFacts.RefractoryRelapse() with { CentralVascularCatheter = true }).ProductConstraints.RateCapRequired);

    [Fact]
    public void Without_risk_no_rate_cap_but_premedication_and_hydration()
    {
        var constraints = Assess(TestFacts.RefractoryRelapse()).ProductConstraints;
        Assert.False(constraints.RateCapRequired);
        Assert.True(constraints.PremedicationRequired);
        Assert.True(constraints.HydrationRequired);
        Assert.Null(constraints.MaxIgaMicrogramsPerMl);
        Assert.Empty(constraints.ExcludedStabilizers);
    }

    [Fact]
    public void Iga_deficiency_limits_product_iga_to_25()
    {
        var result = Assess(TestFacts.RefractoryRelapse() with { SerumIgaMgDl = 3 });
        Assert.Equal(EligibilityOutcome.EligibleWithPrecautions, result.Decision);
        Assert.Equal(25, result.ProductConstraints.MaxIgaMicrogramsPerMl);
    }

    [Fact]
    public void Fructose_intolerance_excludes_sorbitol_and_hyperprolinemia_excludes_proline()
    {
        var result = Assess(TestFacts.RefractoryRelapse() with { HereditaryFructoseIntolerance = true, Hyperprolinemia = true });
        Assert.Equal([Stabilizers.Proline, Stabilizers.Sorbitol], result.ProductConstraints.ExcludedStabilizers.Order());
        Assert.Equal(EligibilityOutcome.Eligible, result.Decision);
    }

    [Fact]
    public void Contraindication_decides_and_asks_for_nothing_more()
    {
        var facts = TestFacts.RefractoryRelapse() with
        {
            PriorHypersensitivity = HypersensitivityHistory.SevereSystemicOrAnaphylaxis,
            CorticosteroidsGiven = false,
            Purpose = null,
        };
        var result = Assess(facts);

        Assert.Equal(EligibilityOutcome.Contraindicated, result.Decision);
        Assert.Equal(HypersensitivityContraindicationRule.RuleId, result.Reasons[0].RuleId);
        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void Not_recommended_outranks_insufficient_data_which_is_still_listed()
    {
        var facts = TestFacts.RefractoryRelapse() with
        {
            Purpose = TreatmentPurpose.Progression,
            Phenotype = MsPhenotype.Spms,
            PriorHypersensitivity = null,
        };
        var result = Assess(facts);

        Assert.Equal(EligibilityOutcome.NotRecommended, result.Decision);
        Assert.Equal([FactNames.PriorHypersensitivity], result.MissingFacts);
        Assert.Contains(EligibilityEngine.MissingFactsRuleId, ReasonIds(result));
    }

    [Fact]
    public void Insufficient_data_outranks_consider_alternative_first()
    {
        var facts = TestFacts.RefractoryRelapse() with { CorticosteroidsGiven = false, PriorHypersensitivity = null };
        var result = Assess(facts);

        Assert.Equal(EligibilityOutcome.InsufficientData, result.Decision);
        Assert.Equal(
            [EligibilityEngine.MissingFactsRuleId, AcuteRelapseSteroidRule.RuleId],
            ReasonIds(result).Take(2));
    }

    [Fact]
    public void Consider_alternative_first_outranks_precautions()
    {
        var result = Assess(TestFacts.RefractoryRelapse() with { CorticosteroidsGiven = false, Diabetes = true });
        Assert.Equal(EligibilityOutcome.ConsiderAlternativeFirst, result.Decision);
        Assert.Contains(RenalPrecautionRule.RuleId, ReasonIds(result));
    }

    [Fact]
    public void Reasons_are_listed_strongest_first()
    {
        var result = Assess(TestFacts.RefractoryRelapse() with { CorticosteroidsGiven = false, SerumIgaMgDl = 3 });
        var outcomes = result.Reasons.Select(r => r.Outcome).ToList();
        Assert.Equal(outcomes.OrderDescending(), outcomes);
        Assert.Equal(EligibilityOutcome.ConsiderAlternativeFirst, outcomes[0]);
    }

    [Fact]
    public void One_missing_reason_lists_every_missing_fact()
    {
        var facts = new PatientFacts { Purpose = TreatmentPurpose.AcuteRelapse, Sex = Sex.Female };
        var result = Assess(facts);

        Assert.Equal(EligibilityOutcome.InsufficientData, result.Decision);
        Assert.Equal(
            [FactNames.CorticosteroidsGiven, FactNames.PregnancyState, FactNames.PriorHypersensitivity],
            result.MissingFacts);
        var missing = Assert.Single(result.Reasons, r => r.RuleId == EligibilityEngine.MissingFactsRuleId);
        Assert.Equal(EligibilityOutcome.InsufficientData, missing.Outcome);
        Assert.All(result.MissingFacts, fact => Assert.Contains(fact, missing.Text));
    }

    [Fact]
    public void Nothing_known_asks_for_the_purpose_and_the_hypersensitivity_history() =>
        Assert.Equal(
            [FactNames.Purpose, FactNames.PriorHypersensitivity],
            Assess(new PatientFacts()).MissingFacts);

    [Fact]
    public void An_eligible_indication_is_not_held_up_by_another_eligible_rules_unknowns()
    {
        var result = Assess(TestFacts.RrmsPreventionDmtNotFeasible() with { PregnancyState = null });
        Assert.Equal(EligibilityOutcome.Eligible, result.Decision);
        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void Unknowns_that_could_make_the_decision_stronger_are_demanded()
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with { PregnancyState = PregnancyState.Pregnant, DmtFeasible = null };
        var result = Assess(facts);
        Assert.Equal(EligibilityOutcome.InsufficientData, result.Decision);
        Assert.Equal([FactNames.DmtFeasible], result.MissingFacts);
    }

    [Fact]
    public void Relapse_responding_to_steroids_has_no_indication_and_is_not_called_eligible()
    {
        var result = Assess(TestFacts.RefractoryRelapse() with { CorticosteroidResponse = TreatmentResponse.Adequate });
        Assert.Equal(EligibilityOutcome.ConsiderAlternativeFirst, result.Decision);
        Assert.Equal(EligibilityEngine.NoIndicationRuleId, result.Reasons[0].RuleId);
    }

    [Theory]
    [InlineData(PregnancyState.NotPregnant, EligibilityOutcome.ConsiderAlternativeFirst)]
    [InlineData(PregnancyState.Pregnant, EligibilityOutcome.Eligible)]
    public void Cis_relapse_prevention_is_eligible_only_in_pregnancy(PregnancyState state, EligibilityOutcome expected)
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with { Phenotype = MsPhenotype.Cis, PregnancyState = state };
        Assert.Equal(expected, Assess(facts).Decision);
    }

    [Fact]
    public void Pregnancy_does_not_skip_corticosteroids_in_an_acute_relapse()
    {
        var facts = TestFacts.RefractoryRelapse() with { PregnancyState = PregnancyState.Pregnant, CorticosteroidsGiven = false };
        var result = Assess(facts);
        Assert.Equal(EligibilityOutcome.ConsiderAlternativeFirst, result.Decision);
        Assert.Contains(PregnancyRule.RuleId, ReasonIds(result));
    }

    [Fact]
    public void Configured_egfr_cut_off_changes_the_decision()
    {
        var facts = TestFacts.RefractoryRelapse() with { Egfr = 80 };
        Assert.Equal(EligibilityOutcome.Eligible, Assess(facts).Decision);
        Assert.Equal(
            EligibilityOutcome.EligibleWithPrecautions,
            Assess(facts, new EligibilityThresholds { EgfrBelowMlPerMin = 90 }).Decision);
    }

    [Fact]
    public void Configured_iga_thresholds_change_the_result()
    {
        var facts = TestFacts.RefractoryRelapse() with { SerumIgaMgDl = 8 };
        Assert.Null(Assess(facts).ProductConstraints.MaxIgaMicrogramsPerMl);
        var configured = new EligibilityThresholds { IgaDeficiencyBelowMgDl = 10, LowIgaProductMaxMicrogramsPerMl = 20 };
        Assert.Equal(20, Assess(facts, configured).ProductConstraints.MaxIgaMicrogramsPerMl);
    }

    [Fact]
    public void Configured_thrombosis_age_changes_the_result()
    {
        var facts = TestFacts.RefractoryRelapse() with { AgeYears = 60 };
        Assert.False(Assess(facts).ProductConstraints.RateCapRequired);
        Assert.True(Assess(facts, new EligibilityThresholds { ThrombosisRiskAgeAboveYears = 55 }).ProductConstraints.RateCapRequired);
    }

    [Fact]
    public void Configured_postpartum_window_changes_the_decision()
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with
        {
            Phenotype = MsPhenotype.Cis,
            PregnancyState = PregnancyState.Postpartum,
            DeliveryDate = TestFacts.Today.AddDays(-50),
        };
        Assert.Equal(EligibilityOutcome.Eligible, Assess(facts).Decision);
        Assert.Equal(
            EligibilityOutcome.ConsiderAlternativeFirst,
            Assess(facts, new EligibilityThresholds { PostpartumWindowWeeks = 6 }).Decision);
    }

    [Fact]
    public void Configured_creatinine_recency_changes_the_precautions()
    {
        var facts = TestFacts.RefractoryRelapse();
        Assert.DoesNotContain(BaselineLabsPrecautionRule.RuleId, Assess(facts).Precautions.Select(p => p.RuleId));
        Assert.Contains(
            BaselineLabsPrecautionRule.RuleId,
            Assess(facts, new EligibilityThresholds { CreatinineRecencyDays = 3 }).Precautions.Select(p => p.RuleId));
    }

    [Fact]
    public void Invalid_thresholds_are_refused()
    {
        var ctx = TestFacts.Context(new EligibilityThresholds { EgfrBelowMlPerMin = -1 });
        Assert.Throws<ArgumentException>(() => Engine.Assess(TestFacts.RefractoryRelapse(), ctx));
    }
}
