namespace Ivig.Eligibility.Domain;

/// <summary>
/// Renal and thrombosis risk (catalogue section 3, [label] boxed warnings).
/// Unknown policy: one factor known present is enough (at risk); when none is present and some are
/// unknown the risk stays undetermined and PRE-RENAL / PRE-THROMBO do not fire. No single factor is
/// demanded: none is required by a decision rule, and asking for every optional factor would block
/// assessments on data the labels do not require.
/// </summary>
public static class RiskAssessment
{
    public static RiskFinding RenalRisk(PatientFacts facts, EligibilityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(thresholds);
        return Assess(
            (FactNames.KidneyDisease, facts.KidneyDisease),
            (FactNames.Egfr, facts.Egfr is { } egfr ? egfr < thresholds.EgfrBelowMlPerMin : null),
            (FactNames.Diabetes, facts.Diabetes),
            (FactNames.AgeYears, facts.AgeYears is { } age ? age > thresholds.RenalRiskAgeAboveYears : null),
            (FactNames.VolumeDepletion, facts.VolumeDepletion),
            (FactNames.Sepsis, facts.Sepsis),
            (FactNames.Paraproteinemia, facts.Paraproteinemia),
            (FactNames.NephrotoxicDrugs, facts.NephrotoxicDrugs));
    }

    public static RiskFinding ThrombosisRisk(PatientFacts facts, EligibilityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(thresholds);
        return Assess(
            (FactNames.AgeYears, facts.AgeYears is { } age ? age > thresholds.ThrombosisRiskAgeAboveYears : null),
            (FactNames.Immobilization, facts.Immobilization),
            (FactNames.HypercoagulableCondition, facts.HypercoagulableCondition),
            (FactNames.PriorThrombosis, facts.PriorThrombosis),
            (FactNames.EstrogenUse, facts.EstrogenUse),
            (FactNames.CentralVascularCatheter, facts.CentralVascularCatheter),
            (FactNames.Hyperviscosity, facts.Hyperviscosity),
            (FactNames.CardiovascularRiskFactors, facts.CardiovascularRiskFactors));
    }

    private static RiskFinding Assess(params (string Fact, bool? Present)[] factors)
    {
        var present = factors.Where(f => f.Present == true).Select(f => f.Fact).ToArray();
        var unknown = factors.Where(f => f.Present is null).Select(f => f.Fact).ToArray();
        bool? atRisk = present.Length > 0 ? true : unknown.Length > 0 ? null : false;
        return new RiskFinding(atRisk, present, unknown);
    }
}
