namespace Ivig.Eligibility.Domain;

/// <summary>
/// The outcome of an assessment.
/// </summary>
/// <param name="Decision">The strongest outcome among <paramref name="Reasons"/>.</param>
/// <param name="Reasons">Every rule that fired, plus engine findings (ELIG-MISSING, ELIG-NO-INDICATION); strongest first, then catalogue order.</param>
/// <param name="Precautions">The precaution rules that fired, in catalogue order.</param>
/// <param name="MissingFacts">Unknown facts that could change the decision (camelCase fact names), in catalogue order.</param>
/// <param name="ProductConstraints">What the fired rules mean for product choice and administration.</param>
/// <param name="CatalogueVersion">Version of the rule catalogue used.</param>
public sealed record EligibilityResult(
    EligibilityOutcome Decision,
    IReadOnlyList<EligibilityReason> Reasons,
    IReadOnlyList<Precaution> Precautions,
    IReadOnlyList<string> MissingFacts,
    ProductConstraints ProductConstraints,
    string CatalogueVersion);
