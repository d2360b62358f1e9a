using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class DosingPolicyOptionsTests
{
    [Fact]
    public void Defaults_are_the_catalogue_values_and_valid()
    {
        var options = new DosingPolicyOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(DosingWeightPolicy.AdjustedWhenBmiOver30, options.WeightPolicy);
        Assert.Equal(0.5m, options.Grade1SlowFactor);
        Assert.Equal(0.5m, options.Grade2ResumeFactor);
        Assert.Equal((650m, 1000m, "PO"), (options.Acetaminophen.MinDoseMg, options.Acetaminophen.MaxDoseMg, options.Acetaminophen.Route));
        Assert.Equal((25m, 50m, "PO/IV"), (options.Diphenhydramine.MinDoseMg, options.Diphenhydramine.MaxDoseMg, options.Diphenhydramine.Route));
        Assert.Equal((30, 60), (options.PremedicationMinMinutesBefore, options.PremedicationMaxMinutesBefore));
        Assert.Equal("Dosing:Policy", DosingPolicyOptions.SectionName);
    }

    [Fact]
    public void Validate_reports_every_bad_value()
    {
        var options = new DosingPolicyOptions
        {
            WeightPolicy = (DosingWeightPolicy)42,
            Grade1SlowFactor = 1m,
            Grade2ResumeFactor = 0m,
            PremedicationMinMinutesBefore = 90,
            HydrationCheck = " ",
            MinWeightKg = 500m,
        };
        options.Diphenhydramine.MinDoseMg = 60m;

        var errors = options.Validate();

        Assert.Equal(7, errors.Count);
        Assert.Contains("Dosing:Policy:Grade1SlowFactor 1 must be above 0 and below 1", errors);
        Assert.Contains("Dosing:Policy:Diphenhydramine:MinDoseMg 60 must be above 0 and at most MaxDoseMg 50", errors);
    }
}
