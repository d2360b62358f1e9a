namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-RENAL: renal risk (section 3): baseline creatinine/BUN, hydration, minimum practicable rate (the
/// product's at-risk rate cap), urine output monitoring.
/// Unknown policy: that of <see cref="RiskAssessment"/> (fires on any factor known present).
/// </summary>
public sealed class RenalPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-RENAL";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.EligibleWithPrecautions;
    public string Text =>
        "Renal risk: baseline creatinine/BUN, hydration, minimum practicable rate (at-risk rate cap), urine output monitoring.";
    public string Source => "[seed]; [label] boxed warning";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var risk = RiskAssessment.RenalRisk(facts, ctx.Thresholds);
        return risk.AtRisk == true
            ? RuleEvaluation.Fires(
                $"Renal risk ({string.Join(", ", risk.Factors)}): baseline creatinine/BUN, hydration, minimum practicable " +
                "rate (at-risk rate cap), urine output monitoring.")
            : RuleEvaluation.DoesNotFire();
    }
}
