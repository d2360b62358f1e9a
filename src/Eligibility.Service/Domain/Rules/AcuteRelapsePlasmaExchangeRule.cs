namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-AR-PLEX: after an inadequate response to corticosteroids, plasma exchange comes before IVIG.
/// Unknown policy: asks step by step, as the clinical ladder does: purpose, then whether corticosteroids
/// were given, then their response, then the plasma exchange status.
/// </summary>
public sealed class AcuteRelapsePlasmaExchangeRule : IEligibilityRule
{
    public const string RuleId = "ELIG-AR-PLEX";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.ConsiderAlternativeFirst;
    public string Text =>
        "Acute relapse with an inadequate response to corticosteroids, plasma exchange neither tried nor " +
        "contraindicated nor unavailable: plasma exchange is second line.";
    public string Source => "[seed]";
    public RuleKind Kind => RuleKind.Decision;
    public bool IsIndicationRule => true;

    public RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx) =>
        new Conditions()
            .Require(FactNames.Purpose, FactReading.OneOf(facts.Purpose, TreatmentPurpose.AcuteRelapse))
            .Then()
            .Require(FactNames.CorticosteroidsGiven, facts.CorticosteroidsGiven)
            .Then()
            .Require(FactNames.CorticosteroidResponse, FactReading.OneOf(facts.CorticosteroidResponse, TreatmentResponse.Inadequate))
            .Then()
            .Require(FactNames.PlasmaExchange, FactReading.OneOf(facts.PlasmaExchange, PlasmaExchangeStatus.NotTried))
            .Evaluate(() =>
                "Acute relapse with an inadequate response to corticosteroids and plasma exchange not yet tried: " +
                "plasma exchange is second line.");
}
