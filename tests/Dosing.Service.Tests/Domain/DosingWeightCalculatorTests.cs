using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class DosingWeightCalculatorTests
{
    [Theory]
    [InlineData(Sex.Female, "165", "56.90915")] // 165 cm = 64.9605 in: 45.5 + 2.3 × 4.9605
    [InlineData(Sex.Male, "180", "74.99180")] // 180 cm = 70.866 in: 50 + 2.3 × 10.866
    [InlineData(Sex.Male, "152.4", "50.000")] // exactly 60 in
    [InlineData(Sex.Female, "150", "45.5")] // below 60 in: no extrapolation below the base
    public void Ideal_body_weight_is_Devine(Sex sex, string heightCm, string expectedKg)
    {
        var ibw = DosingWeightCalculator.IdealBodyWeightKg(sex, decimal.Parse(heightCm, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expectedKg, System.Globalization.CultureInfo.InvariantCulture), ibw, 4);
    }

    [Fact]
    public void Adjusted_weight_is_ibw_plus_40_percent_of_the_excess()
    {
        Assert.Equal(74.14549m, DosingWeightCalculator.AdjustedBodyWeightKg(56.90915m, 100m), 4);
    }

    [Fact]
    public void Adjusted_weight_is_never_above_actual()
    {
        Assert.Equal(60m, DosingWeightCalculator.AdjustedBodyWeightKg(75m, 60m));
    }

    [Fact]
    public void Worked_example_female_165_cm_100_kg_uses_adjusted_weight_by_default()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Female, 165m, 100m), DosingWeightPolicy.AdjustedWhenBmiOver30);

        Assert.Equal(74.1m, weight.WeightKg);
        Assert.Equal(DosingWeightBasis.Adjusted, weight.Basis);
        Assert.Equal(56.9m, weight.IdealBodyWeightKg);
        Assert.Equal(74.1m, weight.AdjustedBodyWeightKg);
        Assert.Equal(36.7m, weight.BodyMassIndex);
        Assert.Equal(100m, weight.ReferenceWeightKg);
        Assert.False(weight.FromPrePregnancyWeight);
        Assert.Equal("DOSE-WEIGHT", weight.RuleId);
        Assert.Contains("BMI 36.7 > 30", weight.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Bmi_at_most_30_uses_actual_weight_by_default()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Male, 180m, 80m), DosingWeightPolicy.AdjustedWhenBmiOver30);

        Assert.Equal(80m, weight.WeightKg);
        Assert.Equal(DosingWeightBasis.Actual, weight.Basis);
        Assert.Equal(24.7m, weight.BodyMassIndex);
        Assert.Contains("BMI 24.7 ≤ 30", weight.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Eligible_policy_adjusts_a_tall_patient_heavier_than_the_base_even_with_normal_bmi()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Male, 180m, 80m), DosingWeightPolicy.AdjustedWhenEligible);

        Assert.Equal(DosingWeightBasis.Adjusted, weight.Basis);
        Assert.Equal(77.0m, weight.WeightKg); // 74.99 + 0.4 × 5.01
        Assert.Contains("152.4 cm", weight.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Eligible_policy_uses_actual_weight_below_152_4_cm_when_bmi_is_normal()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Female, 150m, 55m), DosingWeightPolicy.AdjustedWhenEligible);

        Assert.Equal(DosingWeightBasis.Actual, weight.Basis);
        Assert.Equal(55m, weight.WeightKg);
    }

    [Fact]
    public void Eligible_policy_still_adjusts_when_bmi_is_over_30_below_152_4_cm()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Female, 150m, 80m), DosingWeightPolicy.AdjustedWhenEligible);

        Assert.Equal(DosingWeightBasis.Adjusted, weight.Basis);
        Assert.Equal(59.3m, weight.WeightKg); // IBW 45.5 + 0.4 × 34.5
    }

    [Fact]
    public void Eligible_policy_never_doses_above_actual_weight_when_below_ibw()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Male, 180m, 70m), DosingWeightPolicy.AdjustedWhenEligible);

        Assert.Equal(70m, weight.WeightKg);
    }

    [Fact]
    public void Actual_policy_always_uses_actual_weight()
    {
        var weight = DosingWeightCalculator.Calculate(new DosingWeightInput(Sex.Female, 165m, 100m), DosingWeightPolicy.Actual);

        Assert.Equal(100m, weight.WeightKg);
        Assert.Equal(DosingWeightBasis.Actual, weight.Basis);
        Assert.Equal(74.1m, weight.AdjustedBodyWeightKg); // still reported
    }

    [Fact]
    public void Pregnancy_uses_the_pre_pregnancy_weight()
    {
        var weight = DosingWeightCalculator.Calculate(
            new DosingWeightInput(Sex.Female, 165m, 90m, PrePregnancyWeightKg: 75m, Pregnant: true),
            DosingWeightPolicy.AdjustedWhenBmiOver30);

        Assert.True(weight.FromPrePregnancyWeight);
        Assert.Equal(75m, weight.ReferenceWeightKg);
        Assert.Equal(75m, weight.WeightKg); // BMI 27.5 from the pre-pregnancy weight: actual basis
        Assert.Equal(DosingWeightBasis.Actual, weight.Basis);
        Assert.Contains("pre-pregnancy", weight.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Pregnancy_adjusts_the_pre_pregnancy_weight_when_its_bmi_is_over_30()
    {
        var weight = DosingWeightCalculator.Calculate(
            new DosingWeightInput(Sex.Female, 165m, 110m, PrePregnancyWeightKg: 100m, Pregnant: true),
            DosingWeightPolicy.AdjustedWhenBmiOver30);

        Assert.Equal(74.1m, weight.WeightKg);
        Assert.Equal(DosingWeightBasis.Adjusted, weight.Basis);
        Assert.True(weight.FromPrePregnancyWeight);
    }

    [Fact]
    public void Pregnancy_without_a_pre_pregnancy_weight_uses_the_current_weight_and_says_so()
    {
        var weight = DosingWeightCalculator.Calculate(
            new DosingWeightInput(Sex.Female, 165m, 75m, Pregnant: true),
            DosingWeightPolicy.AdjustedWhenBmiOver30);

        Assert.False(weight.FromPrePregnancyWeight);
        Assert.Equal(75m, weight.WeightKg);
        Assert.Contains("no pre-pregnancy weight given", weight.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_pregnancy_weight_is_ignored_when_not_pregnant()
    {
        var weight = DosingWeightCalculator.Calculate(
            new DosingWeightInput(Sex.Female, 165m, 75m, PrePregnancyWeightKg: 60m, Pregnant: false),
            DosingWeightPolicy.AdjustedWhenBmiOver30);

        Assert.Equal(75m, weight.WeightKg);
        Assert.False(weight.FromPrePregnancyWeight);
    }
}
