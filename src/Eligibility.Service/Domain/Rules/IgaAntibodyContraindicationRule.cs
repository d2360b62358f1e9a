using static System.FormattableString;

namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// CI-IGA-AB: IgA deficiency with anti-IgA antibodies and a prior hypersensitivity reaction (of any
/// severity) contraindicates IVIG.
/// Unknown policy: needs the hypersensitivity history first; serum IgA and anti-IgA antibodies are needed
/// only for a patient with a prior reaction (without one the rule cannot fire), so IgA testing is not
/// demanded of everyone.
/// </summary>
public sealed class IgaAntibodyContraindicationRule : IEligibilityRule
{
    public const string RuleId = "CI-IGA-AB";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Contraindicated;
    public string Text =>
        "IgA deficiency with anti-IgA antibodies and prior hypersensitivity to human immunoglobulin: contraindicated.";
    public string Source => "[label]";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(FactNames.PriorHypersensitivity, FactReading.AnyPriorHypersensitivity(facts))
            .Then()
            .Require(FactNames.SerumIgaMgDl, FactReading.IgaDeficient(facts, ctx.Thresholds))
            .Require(FactNames.AntiIgaAntibodies, facts.AntiIgaAntibodies)
            .Evaluate(() => Invariant(
                $"IgA deficiency (serum IgA {facts.SerumIgaMgDl} mg/dL, below {ctx.Thresholds.IgaDeficiencyBelowMgDl}) with anti-IgA antibodies and prior hypersensitivity to human immunoglobulin."));
}
