namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// CI-HYPERSENS: prior anaphylaxis or severe systemic hypersensitivity to human immunoglobulin
/// contraindicates every product.
/// Unknown policy: always needs the prior hypersensitivity history; every product label asks for it.
/// </summary>
public sealed class HypersensitivityContraindicationRule : IEligibilityRule
{
    public const string RuleId = "CI-HYPERSENS";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Contraindicated;
    public string Text => "Prior anaphylaxis or severe systemic hypersensitivity to human immunoglobulin: contraindicated.";
    public string Source => "[label] all products";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(
                FactNames.PriorHypersensitivity,
                FactReading.OneOf(facts.PriorHypersensitivity, HypersensitivityHistory.SevereSystemicOrAnaphylaxis))
            .Evaluate(() => "Prior anaphylaxis or severe systemic hypersensitivity to human immunoglobulin.");
}
