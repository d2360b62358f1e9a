namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-THROMBO: thrombosis risk (section 3): minimum practicable dose and rate (the product's at-risk rate
/// cap), hydration, watch for signs of DVT or stroke.
/// Unknown policy: that of <see cref="RiskAssessment"/> (fires on any factor known present).
/// </summary>
public sealed class ThrombosisPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-THROMBO";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.EligibleWithPrecautions;
    public string Text =>
        "Thrombosis risk: minimum practicable dose and rate (at-risk rate cap), hydration, watch for DVT/stroke signs.";
    public string Source => "[seed]; [label] boxed warning";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var risk = RiskAssessment.ThrombosisRisk(facts, ctx.Thresholds);
        return risk.AtRisk == true
            ? RuleEvaluation.Fires(
                $"Thrombosis risk ({string.Join(", ", risk.Factors)}): minimum practicable dose and rate (at-risk rate cap), " +
                "hydration, watch for DVT/stroke signs.")
            : RuleEvaluation.DoesNotFire();
    }
}
