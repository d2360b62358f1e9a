namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// PRE-PREMED: everyone: acetaminophen (paracetamol) PO and diphenhydramine PO/IV before the infusion.
/// Doses and timing are [local default] values from <see cref="EligibilityThresholds"/>.
/// Advisory: does not change the decision.
/// </summary>
public sealed class PremedicationPrecautionRule : IEligibilityRule
{
    public const string RuleId = "PRE-PREMED";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text => "Premedication with acetaminophen (paracetamol) and diphenhydramine before the infusion (doses from configuration).";
    public string Source => "[seed]; doses [local default]";
    public RuleKind Kind => RuleKind.Precaution;
    public bool IsIndicationRule => false;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx)
    {
        var t = ctx.Thresholds;
        return RuleEvaluation.Fires(
            $"Premedication: acetaminophen (paracetamol) {t.PremedAcetaminophenMinMg}–{t.PremedAcetaminophenMaxMg} mg PO and " +
            $"diphenhydramine {t.PremedDiphenhydramineMinMg}–{t.PremedDiphenhydramineMaxMg} mg PO/IV, " +
            $"{t.PremedLeadMinMinutes}–{t.PremedLeadMaxMinutes} min before the infusion.");
    }
}
