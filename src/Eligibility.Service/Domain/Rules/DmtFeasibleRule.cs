namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-DMT-F: relapse prevention in RRMS when disease-modifying therapies are feasible: the licensed DMTs
/// come first.
/// Unknown policy: as ELIG-DMT-NF (purpose, then phenotype, then DMT feasibility).
/// </summary>
public sealed class DmtFeasibleRule : IEligibilityRule
{
    public const string RuleId = "ELIG-DMT-F";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.ConsiderAlternativeFirst;
    public string Text => "RRMS relapse prevention when DMTs are feasible: licensed DMTs are preferred.";
    public string Source => "[seed]";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => true;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(FactNames.Purpose, FactReading.OneOf(facts.Purpose, TreatmentPurpose.RelapsePrevention))
            .Then()
            .Require(FactNames.Phenotype, FactReading.OneOf(facts.Phenotype, MsPhenotype.Rrms))
            .Then()
            .Require(FactNames.DmtFeasible, facts.DmtFeasible)
            .Evaluate(() => "RRMS relapse prevention and DMTs are feasible: licensed DMTs are preferred.");
}
