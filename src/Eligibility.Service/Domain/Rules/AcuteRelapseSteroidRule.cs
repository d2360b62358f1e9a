namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-AR-STEROID: in an acute relapse, high-dose IV methylprednisolone comes first.
/// Unknown policy: needs the purpose; then, for an acute relapse, whether corticosteroids were given.
/// </summary>
public sealed class AcuteRelapseSteroidRule : IEligibilityRule
{
    public const string RuleId = "ELIG-AR-STEROID";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.ConsiderAlternativeFirst;
    public string Text => "Acute relapse without corticosteroids yet: high-dose IV methylprednisolone is first line.";
    public string Source => "[seed]; Cleveland Clinic";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => true;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(FactNames.Purpose, FactReading.OneOf(facts.Purpose, TreatmentPurpose.AcuteRelapse))
            .Then()
            .Require(FactNames.CorticosteroidsGiven, facts.CorticosteroidsGiven is { } given ? !given : null)
            .Evaluate(() =>
                "Acute relapse and corticosteroids not yet given: high-dose IV methylprednisolone is first line.");
}
