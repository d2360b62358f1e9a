namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-PREG: relapse or relapse prevention during pregnancy, postpartum (within the configured window
/// after delivery) or breastfeeding: IVIG is eligible because other therapies are limited.
/// Unknown policy: needs the purpose; then, for a relapse or relapse prevention, the pregnancy state
/// (not asked of a male patient) and, when postpartum, the delivery date.
/// </summary>
public sealed class PregnancyRule : IEligibilityRule
{
    public const string RuleId = "ELIG-PREG";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text =>
        "Relapse or relapse prevention during pregnancy, postpartum or breastfeeding: IVIG is eligible " +
        "(other therapies are limited).";
    public string Source => "[seed]; EFNS 2008 (good practice point)";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => true;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var (inPeriod, missingFact) = FactReading.PregnancyPeriod(facts, ctx);
        return new Conditions()
            .Require(
                FactNames.Purpose,
                FactReading.OneOf(facts.Purpose, TreatmentPurpose.AcuteRelapse, TreatmentPurpose.RelapsePrevention))
            .Then()
            .Require(missingFact, inPeriod)
            .Evaluate(() =>
            {
                var purpose = facts.Purpose == TreatmentPurpose.AcuteRelapse ? "Acute relapse" : "Relapse prevention";
                var period = facts.PregnancyState switch
                {
                    PregnancyState.Pregnant => "during pregnancy",
                    PregnancyState.Breastfeeding => "while breastfeeding",
                    _ => $"postpartum ({ctx.Today.DayNumber - facts.DeliveryDate!.Value.DayNumber} days after delivery)",
                };
                return $"{purpose} {period}: other therapies are limited, IVIG is eligible.";
            });
    }
}
