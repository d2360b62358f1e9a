using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class VitalsEvaluatorTests
{
    private static readonly Vitals Baseline = TestData.Baseline; // 36.8 °C, 120/80, HR 75, SpO2 98, RR 16

    private static IReadOnlyList<VitalsFinding> Evaluate(Vitals current, Vitals? baseline = null) =>
        TestData.Evaluator.Evaluate(baseline ?? Baseline, current);

    [Fact]
    public void Baseline_like_vitals_have_no_findings()
    {
        Assert.Empty(Evaluate(Baseline));
    }

    [Fact]
    public void VIT_FEVER_needs_the_threshold_and_the_rise_over_baseline()
    {
        var fever = Assert.Single(Evaluate(Baseline with { TemperatureC = 38.0m }));
        Assert.Equal(RuleIds.VitalsFever, fever.RuleId);
        Assert.Equal(FindingTreatment.ReactionGrade1, fever.TreatedAs);
        Assert.Equal(ReactionGrade.Grade1, fever.ReactionGrade);

        Assert.Empty(Evaluate(Baseline with { TemperatureC = 37.9m }));

        // 38.2 °C is only 0.9 °C above a 37.3 °C baseline; 38.3 °C is 1.0 above.
        var warmBaseline = Baseline with { TemperatureC = 37.3m };
        Assert.Empty(Evaluate(Baseline with { TemperatureC = 38.2m }, warmBaseline));
        Assert.Equal(RuleIds.VitalsFever, Assert.Single(Evaluate(Baseline with { TemperatureC = 38.3m }, warmBaseline)).RuleId);
    }

    [Fact]
    public void VIT_HYPOTENSION_by_absolute_systolic()
    {
        var lowBaseline = Baseline with { SystolicMmHg = 110 };
        var finding = Assert.Single(Evaluate(Baseline with { SystolicMmHg = 89, DiastolicMmHg = 60 }, lowBaseline));
        Assert.Equal(RuleIds.VitalsHypotension, finding.RuleId);
        Assert.Equal(FindingTreatment.ReactionGrade2, finding.TreatedAs);
        Assert.Empty(Evaluate(Baseline with { SystolicMmHg = 90, DiastolicMmHg = 60 }, lowBaseline));
    }

    [Fact]
    public void VIT_HYPOTENSION_by_a_fall_from_baseline()
    {
        var highBaseline = Baseline with { SystolicMmHg = 160 };
        Assert.Equal(RuleIds.VitalsHypotension, Assert.Single(Evaluate(Baseline with { SystolicMmHg = 130 }, highBaseline)).RuleId);
        Assert.Empty(Evaluate(Baseline with { SystolicMmHg = 131 }, highBaseline));
    }

    [Fact]
    public void VIT_HYPERTENSION_is_a_warning_only()
    {
        var bySystolic = Assert.Single(Evaluate(Baseline with { SystolicMmHg = 180 }));
        Assert.Equal(RuleIds.VitalsHypertension, bySystolic.RuleId);
        Assert.Equal(FindingTreatment.WarningOnly, bySystolic.TreatedAs);
        Assert.Null(bySystolic.ReactionGrade);
        Assert.False(bySystolic.IsReaction);

        Assert.Equal(RuleIds.VitalsHypertension, Assert.Single(Evaluate(Baseline with { SystolicMmHg = 150, DiastolicMmHg = 110 })).RuleId);
        Assert.Empty(Evaluate(Baseline with { SystolicMmHg = 179, DiastolicMmHg = 109 }));
    }

    [Fact]
    public void VIT_TACHY_above_the_threshold()
    {
        var finding = Assert.Single(Evaluate(Baseline with { HeartRatePerMin = 121 }));
        Assert.Equal(RuleIds.VitalsTachycardia, finding.RuleId);
        Assert.Equal(FindingTreatment.ReactionGrade1, finding.TreatedAs);
        Assert.Empty(Evaluate(Baseline with { HeartRatePerMin = 120 }));
    }

    [Fact]
    public void VIT_HYPOXIA_below_the_threshold()
    {
        var finding = Assert.Single(Evaluate(Baseline with { SpO2Percent = 91 }));
        Assert.Equal(RuleIds.VitalsHypoxia, finding.RuleId);
        Assert.Equal(FindingTreatment.ReactionGrade3, finding.TreatedAs);
        Assert.Empty(Evaluate(Baseline with { SpO2Percent = 92 }));
    }

    [Fact]
    public void VIT_TACHYPNOEA_above_the_threshold()
    {
        var finding = Assert.Single(Evaluate(Baseline with { RespiratoryRatePerMin = 25 }));
        Assert.Equal(RuleIds.VitalsTachypnoea, finding.RuleId);
        Assert.Equal(FindingTreatment.ReactionGrade2, finding.TreatedAs);
        Assert.Empty(Evaluate(Baseline with { RespiratoryRatePerMin = 24 }));
    }

    [Fact]
    public void Several_findings_come_most_severe_first()
    {
        var findings = Evaluate(new Vitals(38.5m, 185, 100, 130, 90, 30));
        Assert.Equal(
            [RuleIds.VitalsHypoxia, RuleIds.VitalsTachypnoea, RuleIds.VitalsFever, RuleIds.VitalsTachycardia, RuleIds.VitalsHypertension],
            findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Thresholds_come_from_options()
    {
        var evaluator = new VitalsEvaluator(new VitalsThresholds { TachycardiaAbovePerMin = 100, HypoxiaSpO2BelowPercent = 95 });
        Assert.Equal(
            [RuleIds.VitalsHypoxia, RuleIds.VitalsTachycardia],
            evaluator.Evaluate(Baseline, Baseline with { HeartRatePerMin = 101, SpO2Percent = 94 }).Select(f => f.RuleId));
    }

    [Fact]
    public void Default_thresholds_are_valid_and_invalid_ones_are_reported()
    {
        Assert.Empty(new VitalsThresholds().Validate());
        var bad = new VitalsThresholds { FeverTemperatureC = 20m, EarlyPhaseIntervalMinutes = 0, HypoxiaSpO2BelowPercent = 120 };
        Assert.Equal(3, bad.Validate().Count);
        Assert.Throws<InvalidOperationException>(() => new VitalsEvaluator(bad));
        Assert.Throws<InvalidOperationException>(() => new VitalsSchedule(bad));
    }
}
