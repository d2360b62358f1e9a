using static System.FormattableString;

namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-MENINGITIS: migraine history or a course total at or above the high-course cut-off: watch for severe
/// headache with neck stiffness (aseptic meningitis). Advisory: does not change the decision.
/// Unknown policy: fires when either trigger is known (the course total of an acute relapse is assumed, see
/// <see cref="PatientFacts.PlannedCourseTotalGPerKg"/>); unknown triggers are not demanded, because the
/// watch for headache with neck stiffness (RXN-MENINGITIS) runs during every infusion anyway.
/// </summary>
public sealed class MeningitisPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-MENINGITIS";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Migraine history or high course total: watch for severe headache with neck stiffness.";
    public string Source => "[seed]; [label]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var triggers = new List<string>();
        if (facts.MigraineHistory == true)
        {
            triggers.Add("migraine history");
        }

        if (FactReading.HighCourse(facts, ctx.Thresholds) == true)
        {
            triggers.Add(Invariant($"course total {FactReading.CourseTotalGPerKg(facts, ctx.Thresholds)} g/kg"));
        }

        return triggers.Count > 0
            ? RuleEvaluation.Fires($"Aseptic meningitis risk ({string.Join(", ", triggers)}): watch for severe headache with neck stiffness.")
            : RuleEvaluation.DoesNotFire();
    }
}
