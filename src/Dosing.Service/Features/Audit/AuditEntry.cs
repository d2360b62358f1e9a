namespace Ivig.Dosing.Features.Audit;

/// <summary>
/// One audited clinical decision of Dosing: who, when, what, from which inputs (SHA-256 of their canonical JSON)
/// and by which rules. Written in the same Redis transaction as the regimen or rate order it records.
/// Holds no patient-identifying data: the patient reference stays in the regimen.
/// </summary>
public sealed record AuditEntry(
    Guid EntryId,
    DateTimeOffset At,
    string ActorSubject,
    string ActorRole,
    string Action,
    Guid RegimenId,
    Guid? AssessmentId,
    Guid? ReactionId,
    Guid? OrderId,
    string InputsHash,
    IReadOnlyList<string> RuleIds,
    string Detail);
