using static System.FormattableString;

namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-IGA: IgA deficiency or anti-IgA antibodies: only products with little IgA, closest observation in
/// the first hour.
/// The catalogue says "without prior hypersensitivity" because with both findings and a prior reaction
/// CI-IGA-AB applies instead; the rule stands aside exactly then. With a prior reaction but only one of
/// the two findings the catalogue is silent, and the low-IgA restriction is kept (the safer reading).
/// Unknown policy: fires only on a finding known present; unknown IgA status is not demanded (the labels
/// do not require IgA testing before IVIG).
/// </summary>
public sealed class IgaPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-IGA";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.EligibleWithPrecautions;
    public string Text =>
        "IgA deficiency or anti-IgA antibodies without prior hypersensitivity: only low-IgA products; closest observation in the first hour.";
    public string Source => "[seed] \"different formulation\"; [label]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var deficient = FactReading.IgaDeficient(facts, ctx.Thresholds) == true;
        var antibodies = facts.AntiIgaAntibodies == true;
        if (!deficient && !antibodies)
        {
            return RuleEvaluation.DoesNotFire();
        }

        if (deficient && antibodies && FactReading.AnyPriorHypersensitivity(facts) == true)
        {
            return RuleEvaluation.DoesNotFire(); // CI-IGA-AB
        }

        var finding = (deficient, antibodies) switch
        {
            (true, true) => "IgA deficiency with anti-IgA antibodies",
            (true, false) => "IgA deficiency",
            _ => "Anti-IgA antibodies",
        };
        return RuleEvaluation.Fires(Invariant(
            $"{finding}: only products with IgA at most {ctx.Thresholds.LowIgaProductMaxMicrogramsPerMl} µg/mL; closest observation in the first hour."));
    }
}
