using static System.FormattableString;

namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-HEMOLYSIS: blood group A, B or AB and a course total at or above the high-course cut-off:
/// haemoglobin before and after the course. Advisory: does not change the decision.
/// Unknown policy: needs a known (or, for an acute relapse, assumed) high course; an unknown blood group
/// counts as possibly non-O, because the haemoglobin check is cheap and the blood group is not demanded.
/// </summary>
public sealed class HemolysisPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-HEMOLYSIS";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Blood group A, B or AB and high course total: haemoglobin before and after the course.";
    public string Source => "[label]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        if (FactReading.HighCourse(facts, ctx.Thresholds) != true || facts.AboGroup == AboGroup.O)
        {
            return RuleEvaluation.DoesNotFire();
        }

        var group = facts.AboGroup is { } known ? $"blood group {known}" : "blood group unknown";
        var total = FactReading.CourseTotalGPerKg(facts, ctx.Thresholds);
        return RuleEvaluation.Fires(Invariant(
            $"Haemolysis risk ({group}, course total {total} g/kg): haemoglobin before and after the course."));
    }
}
