using Ivig.Eligibility.Domain;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class OverridePolicyTests
{
    [Theory]
    [InlineData(EligibilityOutcome.ConsiderAlternativeFirst, true)]
    [InlineData(EligibilityOutcome.NotRecommended, true)]
    [InlineData(EligibilityOutcome.Contraindicated, false)]
    [InlineData(EligibilityOutcome.InsufficientData, false)]
    [InlineData(EligibilityOutcome.Eligible, false)]
    public void Only_consider_alternative_first_and_not_recommended_can_be_overridden(EligibilityOutcome decision, bool allowed)
    {
        Assert.Equal(allowed, OverridePolicy.IsOverridable(decision));
        Assert.Equal(allowed, OverridePolicy.Check(decision, "Refractory to all else; discussed with patient.").Allowed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   \t ")]
    public void A_reason_is_required(string? reason)
    {
        var check = OverridePolicy.Check(EligibilityOutcome.NotRecommended, reason);
        Assert.False(check.Allowed);
        Assert.Null(check.Reason);
        Assert.Single(check.Errors);
    }

    [Fact]
    public void The_reason_is_trimmed_and_at_most_1000_characters()
    {
        var longest = new string('x', 1000);
        Assert.Equal(longest, OverridePolicy.Check(EligibilityOutcome.NotRecommended, $"  {longest}\n").Reason);
        Assert.False(OverridePolicy.Check(EligibilityOutcome.NotRecommended, longest + "x").Allowed);
    }
}
