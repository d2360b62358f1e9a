namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-PROLINE: hyperprolinemia: proline-containing products are excluded.
/// Unknown policy: fires only when hyperprolinemia is known. Unlike sorbitol, excluding proline-stabilised
/// products on an unknown could remove the only product low enough in IgA for an IgA-deficient patient.
/// </summary>
public sealed class ProlinePrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-PROLINE";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Hyperprolinemia: proline-containing products excluded.";
    public string Source => "[label]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        facts.Hyperprolinemia == true
            ? RuleEvaluation.Fires("Hyperprolinemia: proline-containing products excluded.")
            : RuleEvaluation.DoesNotFire();
}
