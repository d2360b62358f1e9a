using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Domain.Rules;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

/// <summary>CI-HYPERSENS, CI-IGA-AB and PRE-IGA.</summary>
public class SafetyRuleTests
{
    private static readonly EligibilityContext Ctx = TestFacts.Context();

    private static PatientFacts Patient(double? iga, bool? antibodies, HypersensitivityHistory? history) =>
        TestFacts.RefractoryRelapse() with { SerumIgaMgDl = iga, AntiIgaAntibodies = antibodies, PriorHypersensitivity = history };

    [Theory]
    [InlineData(HypersensitivityHistory.SevereSystemicOrAnaphylaxis, true)]
    [InlineData(HypersensitivityHistory.NonSevere, false)]
    [InlineData(HypersensitivityHistory.None, false)]
    public void Hypersens_fires_only_for_anaphylaxis_or_severe_systemic_reaction(HypersensitivityHistory history, bool fires) =>
        Assert.Equal(fires, new HypersensitivityContraindicationRule().Evaluate(Patient(150, false, history), Ctx).Fired);

    [Fact]
    public void Hypersens_needs_the_hypersensitivity_history() =>
        Assert.Equal(
            [FactNames.PriorHypersensitivity],
            new HypersensitivityContraindicationRule().Evaluate(Patient(150, false, null), Ctx).MissingFacts);

    [Theory]
    [InlineData(HypersensitivityHistory.NonSevere)]
    [InlineData(HypersensitivityHistory.SevereSystemicOrAnaphylaxis)]
    public void IgaAb_fires_for_deficiency_with_antibodies_and_any_prior_reaction(HypersensitivityHistory history) =>
        Assert.True(new IgaAntibodyContraindicationRule().Evaluate(Patient(5, true, history), Ctx).Fired);

    [Theory]
    [InlineData(5.0, false, HypersensitivityHistory.NonSevere)]
    [InlineData(7.0, true, HypersensitivityHistory.NonSevere)]
    [InlineData(5.0, true, HypersensitivityHistory.None)]
    public void IgaAb_needs_all_three_findings(double iga, bool antibodies, HypersensitivityHistory history) =>
        Assert.False(new IgaAntibodyContraindicationRule().Evaluate(Patient(iga, antibodies, history), Ctx).Fired);

    [Fact]
    public void IgaAb_asks_for_iga_status_only_after_a_prior_reaction()
    {
        var rule = new IgaAntibodyContraindicationRule();
        Assert.Equal(
            [FactNames.SerumIgaMgDl, FactNames.AntiIgaAntibodies],
            rule.Evaluate(Patient(null, null, HypersensitivityHistory.NonSevere), Ctx).MissingFacts);
        Assert.Empty(rule.Evaluate(Patient(null, null, HypersensitivityHistory.None), Ctx).MissingFacts);
    }

    [Theory]
    [InlineData(5.0, false)]
    [InlineData(150.0, true)]
    public void PreIga_fires_for_deficiency_or_antibodies(double iga, bool antibodies)
    {
        var result = new IgaPrecautionRule().Evaluate(Patient(iga, antibodies, HypersensitivityHistory.None), Ctx);
        Assert.True(result.Fired);
        Assert.Contains("25", result.Reason);
    }

    [Fact]
    public void PreIga_does_not_fire_at_the_deficiency_cut_off() =>
        Assert.False(new IgaPrecautionRule().Evaluate(Patient(7, false, HypersensitivityHistory.None), Ctx).Fired);

    [Fact]
    public void PreIga_stands_aside_when_the_contraindication_applies() =>
        Assert.False(new IgaPrecautionRule().Evaluate(Patient(5, true, HypersensitivityHistory.NonSevere), Ctx).Fired);

    [Fact]
    public void PreIga_does_not_fire_or_ask_when_iga_status_is_unknown()
    {
        var result = new IgaPrecautionRule().Evaluate(Patient(null, null, HypersensitivityHistory.None), Ctx);
        Assert.False(result.Fired);
        Assert.Empty(result.MissingFacts);
    }
}
