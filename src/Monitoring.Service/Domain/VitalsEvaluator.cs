namespace Ivig.Monitoring.Domain;

/// <summary>Compares vitals with the baseline against the section 7 thresholds.</summary>
public sealed class VitalsEvaluator
{
    private readonly VitalsThresholds thresholds;

    public VitalsEvaluator(VitalsThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.EnsureValid();
        this.thresholds = thresholds;
    }

    public VitalsThresholds Thresholds => thresholds;

    /// <summary>Every finding, most severe first. The caller validates both sets of vitals first.</summary>
    public IReadOnlyList<VitalsFinding> Evaluate(Vitals baseline, Vitals current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var t = thresholds;
        var findings = new List<VitalsFinding>();

        if (current.SpO2Percent < t.HypoxiaSpO2BelowPercent)
        {
            findings.Add(new VitalsFinding(
                RuleIds.VitalsHypoxia,
                FindingTreatment.ReactionGrade3,
                $"SpO2 {current.SpO2Percent}% below {t.HypoxiaSpO2BelowPercent}%"));
        }

        var systolicFall = baseline.SystolicMmHg - current.SystolicMmHg;
        if (current.SystolicMmHg < t.HypotensionSystolicBelowMmHg || systolicFall >= t.HypotensionSystolicFallMmHg)
        {
            findings.Add(new VitalsFinding(
                RuleIds.VitalsHypotension,
                FindingTreatment.ReactionGrade2,
                $"systolic {current.SystolicMmHg} mmHg (baseline {baseline.SystolicMmHg}): below {t.HypotensionSystolicBelowMmHg} or a fall of {t.HypotensionSystolicFallMmHg} or more"));
        }

        if (current.RespiratoryRatePerMin > t.TachypnoeaAbovePerMin)
        {
            findings.Add(new VitalsFinding(
                RuleIds.VitalsTachypnoea,
                FindingTreatment.ReactionGrade2,
                $"respiratory rate {current.RespiratoryRatePerMin}/min above {t.TachypnoeaAbovePerMin}/min"));
        }

        var rise = current.TemperatureC - baseline.TemperatureC;
        if (current.TemperatureC >= t.FeverTemperatureC && rise >= t.FeverRiseAboveBaselineC)
        {
            findings.Add(new VitalsFinding(
                RuleIds.VitalsFever,
                FindingTreatment.ReactionGrade1,
                $"temperature {current.TemperatureC} °C, {rise} °C above baseline"));
        }

        if (current.HeartRatePerMin > t.TachycardiaAbovePerMin)
        {
            findings.Add(new VitalsFinding(
                RuleIds.VitalsTachycardia,
                FindingTreatment.ReactionGrade1,
                $"heart rate {current.HeartRatePerMin}/min above {t.TachycardiaAbovePerMin}/min"));
        }

        if (current.SystolicMmHg >= t.HypertensionSystolicMmHg || current.DiastolicMmHg >= t.HypertensionDiastolicMmHg)
        {
            findings.Add(new VitalsFinding(
                RuleIds.VitalsHypertension,
                FindingTreatment.WarningOnly,
                $"blood pressure {current.SystolicMmHg}/{current.DiastolicMmHg} mmHg at or above {t.HypertensionSystolicMmHg}/{t.HypertensionDiastolicMmHg}"));
        }

        return findings;
    }
}
