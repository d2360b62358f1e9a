using Ivig.Eligibility.Domain;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class EligibilityThresholdsTests
{
    [Fact]
    public void Defaults_are_the_catalogue_values_and_valid()
    {
        var t = new EligibilityThresholds();
        Assert.Equal(7, t.IgaDeficiencyBelowMgDl);
        Assert.Equal(25, t.LowIgaProductMaxMicrogramsPerMl);
        Assert.Equal(60, t.EgfrBelowMlPerMin);
        Assert.Equal(65, t.RenalRiskAgeAboveYears);
        Assert.Equal(65, t.ThrombosisRiskAgeAboveYears);
        Assert.Equal(30, t.CreatinineRecencyDays);
        Assert.Equal(12, t.PostpartumWindowWeeks);
        Assert.Equal(2, t.HighCourseTotalGPerKg);
        Assert.Empty(t.Validate());
    }

    [Fact]
    public void Each_bad_value_is_reported_with_its_configuration_key()
    {
        var t = new EligibilityThresholds
        {
            IgaDeficiencyBelowMgDl = double.NaN,
            EgfrBelowMlPerMin = 0,
            CreatinineRecencyDays = 0,
            PremedAcetaminophenMinMg = 1000,
            PremedAcetaminophenMaxMg = 650,
        };
        var errors = t.Validate();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Eligibility:Thresholds:IgaDeficiencyBelowMgDl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Eligibility:Thresholds:EgfrBelowMlPerMin", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Eligibility:Thresholds:CreatinineRecencyDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Eligibility:Thresholds:PremedAcetaminophenMinMg", StringComparison.Ordinal));
    }
}
