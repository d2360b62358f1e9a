namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-DMT-NF: relapse prevention in RRMS when disease-modifying therapies are not feasible.
/// Unknown policy: needs the purpose; then, for relapse prevention, the phenotype; then, for RRMS, whether
/// DMTs are feasible. The reason they are not feasible is quoted when given, never demanded.
/// </summary>
public sealed class DmtNotFeasibleRule : IEligibilityRule
{
    public const string RuleId = "ELIG-DMT-NF";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text =>
        "RRMS relapse prevention when DMTs are not feasible (contraindicated, not tolerated, pregnancy planned): IVIG is eligible.";
    public string Source => "[seed]; AAN";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => true;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(FactNames.Purpose, FactReading.OneOf(facts.Purpose, TreatmentPurpose.RelapsePrevention))
            .Then()
            .Require(FactNames.Phenotype, FactReading.OneOf(facts.Phenotype, MsPhenotype.Rrms))
            .Then()
            .Require(FactNames.DmtFeasible, facts.DmtFeasible is { } feasible ? !feasible : null)
            .Evaluate(() => string.IsNullOrWhiteSpace(facts.DmtNotFeasibleReason)
                ? "RRMS relapse prevention and DMTs are not feasible: IVIG is eligible."
                : $"RRMS relapse prevention and DMTs are not feasible ({facts.DmtNotFeasibleReason.Trim()}): IVIG is eligible.");
}
