using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class ReactionRatePolicyTests
{
    private readonly ReactionRatePolicy _policy = new(new DosingPolicyOptions());

    private static ReactionRateRequest Request(ReactionKind kind, decimal currentRate, bool capped = false, string productId = "privigen") => new()
    {
        Kind = kind,
        CurrentRateMgPerKgMin = currentRate,
        DosingWeightKg = 70m,
        Product = ShippedCatalogue.Get(productId),
        AtRiskCapRequired = capped,
    };

    [Fact]
    public void Grade_1_slows_to_half_the_current_rate()
    {
        var order = _policy.Decide(Request(ReactionKind.Grade1, 4m));

        Assert.Equal(RateAction.Slow, order.Action);
        Assert.Equal(2m, order.NewRateMgPerKgMin);
        Assert.Equal(84m, order.NewRateMlPerHour);
        Assert.Null(order.ResumeRateMgPerKgMin);
        Assert.Equal(AlertSeverity.Warning, order.Severity);
        Assert.Equal("RXN-G1", order.RuleId);
        Assert.True(order.TitrationFrozen);
        Assert.Equal("grade 1 (mild) reaction: slow from 4 to 2 mg/kg/min (50% of the current rate)", order.Reason);
    }

    [Fact]
    public void Grade_1_when_capped_never_goes_above_the_cap()
    {
        // Running at 8 against a cap of 2 (should not happen, but the order must still be safe): half is 4, the cap is 2.
        var order = _policy.Decide(Request(ReactionKind.Grade1, 8m, capped: true));

        Assert.Equal(2m, order.NewRateMgPerKgMin);
        Assert.Contains("at-risk cap", order.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_1_factor_comes_from_the_options()
    {
        var policy = new ReactionRatePolicy(new DosingPolicyOptions { Grade1SlowFactor = 0.25m });

        Assert.Equal(1m, policy.Decide(Request(ReactionKind.Grade1, 4m)).NewRateMgPerKgMin);
    }

    [Fact]
    public void Grade_2_pauses_and_resumes_at_half_the_last_tolerated_rate()
    {
        var order = _policy.Decide(Request(ReactionKind.Grade2, 4m) with { LastToleratedRateMgPerKgMin = 2m });

        Assert.Equal(RateAction.Pause, order.Action);
        Assert.Equal(0m, order.NewRateMgPerKgMin);
        Assert.Equal(0m, order.NewRateMlPerHour);
        Assert.Equal(1m, order.ResumeRateMgPerKgMin);
        Assert.Equal(42m, order.ResumeRateMlPerHour);
        Assert.Equal(AlertSeverity.Warning, order.Severity);
        Assert.Equal("RXN-G2", order.RuleId);
    }

    [Fact]
    public void Grade_2_without_a_last_tolerated_rate_resumes_at_half_the_current_rate()
    {
        var order = _policy.Decide(Request(ReactionKind.Grade2, 4m));

        Assert.Equal(2m, order.ResumeRateMgPerKgMin);
    }

    [Fact]
    public void Grade_2_never_counts_a_last_tolerated_rate_above_the_current_one()
    {
        var order = _policy.Decide(Request(ReactionKind.Grade2, 2m) with { LastToleratedRateMgPerKgMin = 8m });

        Assert.Equal(1m, order.ResumeRateMgPerKgMin);
    }

    [Theory]
    [InlineData(ReactionKind.Grade3, "RXN-G3")]
    [InlineData(ReactionKind.Grade4, "RXN-G4")]
    [InlineData(ReactionKind.Anaphylaxis, "RXN-G4")]
    [InlineData(ReactionKind.AsepticMeningitis, "RXN-MENINGITIS")]
    [InlineData(ReactionKind.Thrombosis, "RXN-THROMBO")]
    [InlineData(ReactionKind.Renal, "RXN-RENAL")]
    public void Severe_reactions_stop_at_once_with_a_critical_alert(ReactionKind kind, string ruleId)
    {
        var order = _policy.Decide(Request(kind, 4m));

        Assert.Equal(RateAction.Stop, order.Action);
        Assert.Equal(0m, order.NewRateMgPerKgMin);
        Assert.Equal(0m, order.NewRateMlPerHour);
        Assert.Null(order.ResumeRateMgPerKgMin);
        Assert.Equal(AlertSeverity.Critical, order.Severity);
        Assert.Equal(ruleId, order.RuleId);
        Assert.Contains("stop the infusion at once", order.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReactionKind.Grade4)]
    [InlineData(ReactionKind.Anaphylaxis)]
    public void Anaphylaxis_and_grade_4_call_for_epinephrine(ReactionKind kind)
    {
        var order = _policy.Decide(Request(kind, 4m));

        Assert.Contains(order.Instructions, i => i.Contains("epinephrine", StringComparison.Ordinal));
    }

    [Fact]
    public void Meningitis_calls_for_a_neurological_assessment()
    {
        var order = _policy.Decide(Request(ReactionKind.AsepticMeningitis, 4m));

        Assert.Contains(order.Instructions, i => i.Contains("Neurological assessment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, ReactionKind.Grade1)]
    [InlineData(2, ReactionKind.Grade2)]
    [InlineData(3, ReactionKind.Grade3)]
    [InlineData(4, ReactionKind.Grade4)]
    public void Grades_map_to_kinds(int grade, ReactionKind kind)
    {
        Assert.Equal(kind, ReactionKinds.FromGrade(grade));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Grades_outside_1_to_4_are_rejected(int grade)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReactionKinds.FromGrade(grade));
    }

    [Fact]
    public void Negative_rates_and_implausible_weights_are_rejected()
    {
        var request = Request(ReactionKind.Grade1, -1m) with { LastToleratedRateMgPerKgMin = -2m, DosingWeightKg = 0m };

        var ex = Assert.Throws<DosingValidationException>(() => _policy.Decide(request));

        Assert.Equal(["currentRateMgPerKgMin", "lastToleratedRateMgPerKgMin", "dosingWeightKg"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public void New_and_resume_rates_are_never_above_the_current_rate_nor_the_cap()
    {
        var factors = new[] { 0.1m, 0.5m, 1m };
        foreach (var product in ShippedCatalogue.Value.Products)
        {
            foreach (var factor in factors)
            {
                var policy = new ReactionRatePolicy(new DosingPolicyOptions { Grade1SlowFactor = Math.Min(factor, 0.99m), Grade2ResumeFactor = factor });
                foreach (var kind in Enum.GetValues<ReactionKind>())
                {
                    foreach (var capped in new[] { false, true })
                    {
                        for (var rate = 0m; rate <= 13m; rate += 0.07m)
                        {
                            foreach (decimal? tolerated in new decimal?[] { null, 0m, rate / 2, rate, rate * 3 })
                            {
                                var order = policy.Decide(new ReactionRateRequest
                                {
                                    Kind = kind,
                                    CurrentRateMgPerKgMin = rate,
                                    LastToleratedRateMgPerKgMin = tolerated,
                                    DosingWeightKg = 83.7m,
                                    Product = product,
                                    AtRiskCapRequired = capped,
                                });

                                var currentMlPerHour = InfusionMath.MlPerHour(rate, 83.7m, product.ConcentrationPercent);
                                Assert.InRange(order.NewRateMgPerKgMin, 0m, rate);
                                Assert.InRange(order.NewRateMlPerHour, 0m, currentMlPerHour);
                                Assert.InRange(order.ResumeRateMgPerKgMin ?? 0m, 0m, rate);
                                Assert.InRange(order.ResumeRateMlPerHour ?? 0m, 0m, currentMlPerHour);
                                if (capped)
                                {
                                    Assert.True(order.NewRateMgPerKgMin <= product.AtRiskCapMgPerKgMin);
                                    Assert.True((order.ResumeRateMgPerKgMin ?? 0m) <= product.AtRiskCapMgPerKgMin);
                                }

                                if (order.Action == RateAction.Stop)
                                {
                                    Assert.Equal(0m, order.NewRateMgPerKgMin);
                                }

                                Assert.StartsWith("RXN-", order.RuleId, StringComparison.Ordinal);
                                Assert.True(order.TitrationFrozen);
                            }
                        }
                    }
                }
            }
        }
    }
}
