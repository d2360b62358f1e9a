using Ivig.Eligibility.Domain;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class RiskAssessmentTests
{
    private static readonly EligibilityThresholds Defaults = new();

    private static PatientFacts NoRisk() => TestFacts.RrmsPreventionDmtNotFeasible();

    [Fact]
    public void Renal_risk_from_each_factor() =>
        Assert.All(
            [FactNames.KidneyDisease, FactNames.Diabetes, FactNames.VolumeDepletion, FactNames.Sepsis,
             FactNames.Paraproteinemia, FactNames.NephrotoxicDrugs],
            factor =>
            {
                var risk = RiskAssessment.RenalRisk(NoRisk().WithFactor(factor, true), Defaults);
                Assert.True(risk.AtRisk);
                Assert.Equal([factor], risk.Factors);
            });

    [Fact]
    public void Thrombosis_risk_from_each_factor() =>
        Assert.All(
            [FactNames.Immobilization, FactNames.HypercoagulableCondition, FactNames.PriorThrombosis, FactNames.EstrogenUse,
             FactNames.CentralVascularCatheter, FactNames.Hyperviscosity, FactNames.CardiovascularRiskFactors],
            factor =>
            {
                var risk = RiskAssessment.ThrombosisRisk(NoRisk().WithFactor(factor, true), Defaults);
                Assert.True(risk.AtRisk);
                Assert.Equal([factor], risk.Factors);
            });

    [Theory]
    [InlineData(59.9, true)]
    [InlineData(60.0, false)]
    public void Renal_risk_below_the_egfr_cut_off(double egfr, bool atRisk) =>
        Assert.Equal(atRisk, RiskAssessment.RenalRisk(NoRisk() with { Egfr = egfr }, Defaults).AtRisk);

    [Theory]
    [InlineData(65, false)]
    [InlineData(66, true)]
    public void Age_above_sixty_five_is_a_renal_and_thrombosis_risk(int age, bool atRisk)
    {
        var facts = NoRisk() with { AgeYears = age };
        Assert.Equal(atRisk, RiskAssessment.RenalRisk(facts, Defaults).AtRisk);
        Assert.Equal(atRisk, RiskAssessment.ThrombosisRisk(facts, Defaults).AtRisk);
    }

    [Fact]
    public void Unknown_factors_leave_the_risk_undetermined_and_are_reported()
    {
        var risk = RiskAssessment.RenalRisk(NoRisk() with { Sepsis = null, AgeYears = null }, Defaults);
        Assert.Null(risk.AtRisk);
        Assert.Empty(risk.Factors);
        Assert.Equal([FactNames.AgeYears, FactNames.Sepsis], risk.Missing);
    }

    [Fact]
    public void One_known_factor_is_enough_despite_unknowns()
    {
        var risk = RiskAssessment.ThrombosisRisk(new PatientFacts { PriorThrombosis = true }, Defaults);
        Assert.True(risk.AtRisk);
        Assert.Equal(7, risk.Missing.Count);
    }

    [Fact]
    public void No_risk_when_every_factor_is_known_absent()
    {
        Assert.Equal(false, RiskAssessment.RenalRisk(NoRisk(), Defaults).AtRisk);
        Assert.Equal(false, RiskAssessment.ThrombosisRisk(NoRisk(), Defaults).AtRisk);
    }
}
