namespace Ivig.IntegrationEvents;

/// <summary>An eligibility assessment was made. Carries no patient-identifying data.</summary>
public sealed record EligibilityAssessed(
    Guid AssessmentId,
    string Decision,
    IReadOnlyList<string> RuleIds,
    string CatalogueVersion,
    DateTimeOffset AssessedAt);
