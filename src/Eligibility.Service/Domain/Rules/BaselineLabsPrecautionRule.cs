namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-BASELINE-LABS: no serum creatinine within the recency window ([local default] 30 days): obtain one
/// before the first infusion. Advisory: does not change the decision.
/// Unknown policy: an unknown value or date, or a date after the assessment date, is not a recent creatinine,
/// so the rule fires.
/// </summary>
public sealed class BaselineLabsPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-BASELINE-LABS";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "No recent serum creatinine: obtain one before the first infusion.";
    public string Source => "[label]; window [local default]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var window = ctx.Thresholds.CreatinineRecencyDays;
        if (facts.CreatinineMgDl is null || facts.CreatinineMeasuredOn is not { } measuredOn)
        {
            return RuleEvaluation.Fires("No serum creatinine with a date given: obtain one before the first infusion.");
        }

        var ageDays = ctx.Today.DayNumber - measuredOn.DayNumber;
        if (ageDays < 0)
        {
            return RuleEvaluation.Fires("Creatinine date is after the assessment date: obtain one before the first infusion.");
        }

        return ageDays > window
            ? RuleEvaluation.Fires($"Last creatinine is {ageDays} days old (more than {window}): obtain one before the first infusion.")
            : RuleEvaluation.DoesNotFire();
    }
}
