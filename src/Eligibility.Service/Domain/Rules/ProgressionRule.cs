namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-PROG: IVIG to slow progression in SPMS or PPMS is not recommended (no benefit shown).
/// Unknown policy: needs the purpose; then, for slowing progression, the phenotype.
/// </summary>
public sealed class ProgressionRule : IEligibilityRule
{
    public const string RuleId = "ELIG-PROG";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.NotRecommended;
    public string Text => "IVIG to slow progression in SPMS or PPMS is not recommended: no benefit has been shown.";
    public string Source => "[seed]; ESIMS trial";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => true;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(FactNames.Purpose, FactReading.OneOf(facts.Purpose, TreatmentPurpose.Progression))
            .Then()
            .Require(FactNames.Phenotype, FactReading.OneOf(facts.Phenotype, MsPhenotype.Spms, MsPhenotype.Ppms))
            .Evaluate(() =>
                $"Purpose is slowing progression in {FactReading.Display(facts.Phenotype!.Value)}: IVIG has shown no benefit.");
}
