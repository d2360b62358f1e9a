using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Domain.Rules;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class IndicationRuleTests
{
    private static readonly EligibilityContext Ctx = TestFacts.Context();

    private static PatientFacts Progression(MsPhenotype? phenotype) =>
        TestFacts.RefractoryRelapse() with { Purpose = TreatmentPurpose.Progression, Phenotype = phenotype };

    private static PatientFacts Relapse() => TestFacts.RefractoryRelapse();

    [Theory]
    [InlineData(MsPhenotype.Spms)]
    [InlineData(MsPhenotype.Ppms)]
    public void Prog_fires_for_progressive_ms(MsPhenotype phenotype) =>
        Assert.True(new ProgressionRule().Evaluate(Progression(phenotype), Ctx).Fired);

    [Theory]
    [InlineData(MsPhenotype.Rrms)]
    public void Prog_does_not_fire_for_relapsing_phenotypes(MsPhenotype phenotype)
    {
        var result = new ProgressionRule().Evaluate(Progression(phenotype), Ctx);
        Assert.False(result.Fired);
        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void Prog_needs_phenotype_when_purpose_is_progression() =>
        Assert.Equal([FactNames.Phenotype], new ProgressionRule().Evaluate(Progression(null), Ctx).MissingFacts);

    [Fact]
    public void Prog_asks_only_for_purpose_while_purpose_is_unknown() =>
        Assert.Equal(
            [FactNames.Purpose],
            new ProgressionRule().Evaluate(new PatientFacts { Phenotype = MsPhenotype.Spms }, Ctx).MissingFacts);

    [Fact]
    public void Steroid_fires_when_corticosteroids_not_given()
    {
        var result = new AcuteRelapseSteroidRule().Evaluate(Relapse() with { CorticosteroidsGiven = false }, Ctx);
        Assert.True(result.Fired);
        Assert.Contains("methylprednisolone", result.Reason);
    }

    [Fact]
    public void Steroid_does_not_fire_when_corticosteroids_given() =>
        Assert.False(new AcuteRelapseSteroidRule().Evaluate(Relapse(), Ctx).Fired);

    [Fact]
    public void Steroid_needs_corticosteroids_given() =>
        Assert.Equal(
            [FactNames.CorticosteroidsGiven],
            new AcuteRelapseSteroidRule().Evaluate(Relapse() with { CorticosteroidsGiven = null }, Ctx).MissingFacts);

    [Fact]
    public void Steroid_ignores_corticosteroids_outside_acute_relapse()
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with { CorticosteroidsGiven = null };
        var result = new AcuteRelapseSteroidRule().Evaluate(facts, Ctx);
        Assert.False(result.Fired);
        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void Plex_fires_when_steroids_failed_and_plasma_exchange_not_tried() =>
        Assert.True(new AcuteRelapsePlasmaExchangeRule()
            .Evaluate(Relapse() with { PlasmaExchange = PlasmaExchangeStatus.NotTried, PlasmaExchangeResponse = null }, Ctx).Fired);

    [Theory]
    [InlineData(PlasmaExchangeStatus.Given)]
    [InlineData(PlasmaExchangeStatus.Unavailable)]
    public void Plex_does_not_fire_once_plasma_exchange_is_tried_or_impossible(PlasmaExchangeStatus status) =>
        Assert.False(new AcuteRelapsePlasmaExchangeRule().Evaluate(Relapse() with { PlasmaExchange = status }, Ctx).Fired);

    [Fact]
    public void Plex_asks_for_the_steroid_response_before_the_plasma_exchange_status()
    {
        var facts = Relapse() with { CorticosteroidResponse = null, PlasmaExchange = null };
        Assert.Equal([FactNames.CorticosteroidResponse], new AcuteRelapsePlasmaExchangeRule().Evaluate(facts, Ctx).MissingFacts);
    }

    [Theory]
    [InlineData(PlasmaExchangeStatus.Given, TreatmentResponse.Inadequate)]
    [InlineData(PlasmaExchangeStatus.Contraindicated, null)]
    [InlineData(PlasmaExchangeStatus.Unavailable, null)]
    public void Refractory_fires_after_steroids_and_plasma_exchange_fail_or_are_impossible(
        PlasmaExchangeStatus status, TreatmentResponse? plexResponse)
    {
        var facts = Relapse() with { PlasmaExchange = status, PlasmaExchangeResponse = plexResponse };
        Assert.True(new AcuteRelapseRefractoryRule().Evaluate(facts, Ctx).Fired);
    }

    [Fact]
    public void Refractory_does_not_fire_when_plasma_exchange_worked() =>
        Assert.False(new AcuteRelapseRefractoryRule()
            .Evaluate(Relapse() with { PlasmaExchangeResponse = TreatmentResponse.Adequate }, Ctx).Fired);

    [Fact]
    public void Refractory_does_not_fire_when_corticosteroids_worked() =>
        Assert.False(new AcuteRelapseRefractoryRule()
            .Evaluate(Relapse() with { CorticosteroidResponse = TreatmentResponse.Adequate }, Ctx).Fired);

    [Fact]
    public void Refractory_needs_the_plasma_exchange_response_when_it_was_given() =>
        Assert.Equal(
            [FactNames.PlasmaExchangeResponse],
            new AcuteRelapseRefractoryRule().Evaluate(Relapse() with { PlasmaExchangeResponse = null }, Ctx).MissingFacts);

    [Theory]
    [InlineData(TreatmentPurpose.AcuteRelapse, PregnancyState.Pregnant)]
    [InlineData(TreatmentPurpose.RelapsePrevention, PregnancyState.Breastfeeding)]
    public void Preg_fires_during_pregnancy_and_breastfeeding(TreatmentPurpose purpose, PregnancyState state) =>
        Assert.True(new PregnancyRule().Evaluate(Relapse() with { Purpose = purpose, PregnancyState = state }, Ctx).Fired);

    [Theory]
    [InlineData(0, true)]
    [InlineData(84, true)]
    [InlineData(85, false)]
    public void Preg_postpartum_counts_for_twelve_weeks_after_delivery(int daysSinceDelivery, bool fires)
    {
        var facts = Relapse() with
        {
            PregnancyState = PregnancyState.Postpartum,
            DeliveryDate = TestFacts.Today.AddDays(-daysSinceDelivery),
        };
        Assert.Equal(fires, new PregnancyRule().Evaluate(facts, Ctx).Fired);
    }

    [Fact]
    public void Preg_postpartum_needs_the_delivery_date() =>
        Assert.Equal(
            [FactNames.DeliveryDate],
            new PregnancyRule().Evaluate(Relapse() with { PregnancyState = PregnancyState.Postpartum }, Ctx).MissingFacts);

    [Fact]
    public void Preg_treats_a_delivery_date_in_the_future_as_unknown()
    {
        var facts = Relapse() with { PregnancyState = PregnancyState.Postpartum, DeliveryDate = TestFacts.Today.AddDays(1) };
        Assert.Equal([FactNames.DeliveryDate], new PregnancyRule().Evaluate(facts, Ctx).MissingFacts);
    }

    [Fact]
    public void Preg_needs_the_pregnancy_state_of_a_female_patient() =>
        Assert.Equal(
            [FactNames.PregnancyState],
            new PregnancyRule().Evaluate(Relapse() with { PregnancyState = null }, Ctx).MissingFacts);

    [Fact]
    public void Preg_does_not_ask_a_male_patient_about_pregnancy()
    {
        var result = new PregnancyRule().Evaluate(Relapse() with { Sex = Sex.Male, PregnancyState = null }, Ctx);
        Assert.False(result.Fired);
        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void Preg_does_not_cover_slowing_progression() =>
        Assert.False(new PregnancyRule().Evaluate(
            Progression(MsPhenotype.Spms) with { PregnancyState = PregnancyState.Pregnant }, Ctx).Fired);

    [Fact]
    public void DmtNf_fires_and_quotes_why_dmts_are_not_feasible()
    {
        var result = new DmtNotFeasibleRule().Evaluate(TestFacts.RrmsPreventionDmtNotFeasible(), Ctx);
        Assert.True(result.Fired);
        Assert.Contains("not tolerated", result.Reason);
    }

    [Fact]
    public void DmtF_fires_when_dmts_are_feasible()
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with { DmtFeasible = true };
        Assert.True(new DmtFeasibleRule().Evaluate(facts, Ctx).Fired);
        Assert.False(new DmtNotFeasibleRule().Evaluate(facts, Ctx).Fired);
    }

    [Fact]
    public void Dmt_rules_need_dmt_feasibility()
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with { DmtFeasible = null };
        Assert.Equal([FactNames.DmtFeasible], new DmtFeasibleRule().Evaluate(facts, Ctx).MissingFacts);
        Assert.Equal([FactNames.DmtFeasible], new DmtNotFeasibleRule().Evaluate(facts, Ctx).MissingFacts);
    }

    [Theory]
    [InlineData(MsPhenotype.Cis)]
    [InlineData(MsPhenotype.Spms)]
    public void Dmt_rules_cover_rrms_only(MsPhenotype phenotype)
    {
        var facts = TestFacts.RrmsPreventionDmtNotFeasible() with { Phenotype = phenotype };
        Assert.False(new DmtNotFeasibleRule().Evaluate(facts, Ctx).Fired);
        Assert.False(new DmtFeasibleRule().Evaluate(facts with { DmtFeasible = true }, Ctx).Fired);
    }
}
