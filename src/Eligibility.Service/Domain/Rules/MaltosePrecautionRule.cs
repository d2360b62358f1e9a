namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-MALTOSE: with a maltose-containing product, glucose meters using GDH-PQQ read falsely high.
/// The product is chosen later (Dosing), so the precaution is always listed, worded as conditional on the
/// product. Advisory: does not change the decision.
/// </summary>
public sealed class MaltosePrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-MALTOSE";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Maltose-containing product: glucose meters using GDH-PQQ read falsely high.";
    public string Source => "[label]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        RuleEvaluation.Fires(
            "If a maltose-containing product is given: glucose meters using GDH-PQQ read falsely high; use a glucose-specific method.");
}
