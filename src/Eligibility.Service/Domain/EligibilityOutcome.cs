namespace Ivig.Eligibility.Domain;

/// <summary>
/// Eligibility outcomes, weakest first: a larger value is a stronger outcome, and the strongest
/// outcome of the rules that fired is the decision (catalogue section 2).
/// </summary>
public enum EligibilityOutcome
{
    Eligible = 0,
    EligibleWithPrecautions = 1,
    ConsiderAlternativeFirst = 2,
    InsufficientData = 3,
    NotRecommended = 4,
    Contraindicated = 5,
}
