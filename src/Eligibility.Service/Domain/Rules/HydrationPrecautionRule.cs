namespace Ivig.Eligibility.Domain.Rules;

/// <summary>PRE-HYDRATION: everyone: hydration status checked before every infusion. Advisory: does not change the decision.</summary>
public sealed class HydrationPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-HYDRATION";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Hydration status checked before every infusion.";
    public string Source => "[seed]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        RuleEvaluation.Fires("Check hydration status before every infusion.");
}
