namespace Ivig.IntegrationEvents;

/// <summary>A regimen was planned for an assessment. Carries no patient-identifying data.</summary>
public sealed record RegimenPlanned(
    Guid RegimenId,
    Guid AssessmentId,
    string ProductId,
    string Indication,
    double DosingWeightKg,
    double TotalGramsPerCourse,
    bool AtRiskCapApplied,
    IReadOnlyList<string> RuleIds,
    DateTimeOffset PlannedAt);
