namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// ELIG-AR-REFRACTORY: IVIG is third line for an acute relapse refractory to corticosteroids and to plasma
/// exchange (or when plasma exchange is contraindicated or unavailable).
/// Unknown policy: step by step as in ELIG-AR-PLEX; the plasma exchange response is asked only once plasma
/// exchange is known to have been given.
/// </summary>
public sealed class AcuteRelapseRefractoryRule : IEligibilityRule
{
    public const string RuleId = "ELIG-AR-REFRACTORY";

    public string Id => RuleId;
    public EligibilityOutcome Outcome => EligibilityOutcome.Eligible;
    public string Text =>
        "Acute relapse with an inadequate response to corticosteroids and to plasma exchange (or plasma exchange " +
        "contraindicated or unavailable): IVIG is third line.";
    public string Source => "[seed]; EFNS 2008 (level B)";
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
            .Require(
                FactNames.PlasmaExchange,
                FactReading.OneOf(
                    facts.PlasmaExchange,
                    PlasmaExchangeStatus.Given,
                    PlasmaExchangeStatus.Contraindicated,
                    PlasmaExchangeStatus.Unavailable))
            .Then()
            .Require(
                FactNames.PlasmaExchangeResponse,
                facts.PlasmaExchange == PlasmaExchangeStatus.Given
                    ? FactReading.OneOf(facts.PlasmaExchangeResponse, TreatmentResponse.Inadequate)
                    : true)
            .Evaluate(() => facts.PlasmaExchange switch
            {
                PlasmaExchangeStatus.Given =>
                    "Acute relapse refractory to corticosteroids and to plasma exchange: IVIG is third line.",
                PlasmaExchangeStatus.Contraindicated =>
                    "Acute relapse refractory to corticosteroids, plasma exchange contraindicated: IVIG is third line.",
                _ => "Acute relapse refractory to corticosteroids, plasma exchange unavailable: IVIG is third line.",
            });
}
