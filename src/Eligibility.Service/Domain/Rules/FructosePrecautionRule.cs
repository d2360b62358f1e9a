namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-FRUCTOSE: hereditary fructose intolerance: sorbitol-containing products are excluded.
/// Unknown policy: fires also when the intolerance is unknown. Sorbitol in an intolerant patient can be
/// fatal, and excluding sorbitol-stabilised products costs little, since other products remain.
/// </summary>
public sealed class FructosePrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-FRUCTOSE";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Hereditary fructose intolerance: sorbitol-containing products excluded.";
    public string Source => "[label]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) => facts.HereditaryFructoseIntolerance switch
    {
        true => RuleEvaluation.Fires("Hereditary fructose intolerance: sorbitol-containing products excluded."),
        null => RuleEvaluation.Fires(
            "Hereditary fructose intolerance not excluded (unknown): sorbitol-containing products excluded until it is."),
        false => RuleEvaluation.DoesNotFire(),
    };
}
