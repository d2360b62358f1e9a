using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Grpc;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Audit;

/// <summary>
/// One entry of the audit trail: who did what to which assessment, when, on which facts (their hash) and
/// with which decision and rules. Entry ids are version-7 Guids, so they sort by time.
/// </summary>
public sealed record AuditRecord(
    Guid EntryId,
    DateTimeOffset At,
    Caller Actor,
    string Action,
    Guid AssessmentId,
    string FactsHash,
    EligibilityOutcome Decision,
    IReadOnlyList<string> RuleIds,
    string Detail)
{
    public const string AssessAction = "AssessEligibility";
    public const string OverrideAction = "RecordOverride";

    public static AuditRecord ForAssessment(AssessmentRecord assessment) => new(
        Guid.CreateVersion7(assessment.AssessedAt),
        assessment.AssessedAt,
        assessment.AssessedBy,
        AssessAction,
        assessment.AssessmentId,
        assessment.FactsHash,
        assessment.Decision,
        assessment.RuleIds(),
        $"Assessed with catalogue {assessment.CatalogueVersion}.");

    public static AuditRecord ForOverride(AssessmentRecord assessment, OverrideRecord record) => new(
        Guid.CreateVersion7(record.RecordedAt),
        record.RecordedAt,
        record.By,
        OverrideAction,
        assessment.AssessmentId,
        assessment.FactsHash,
        assessment.Decision,
        assessment.RuleIds(),
        $"Overrode {assessment.Decision.ToEventName()}: {record.Reason}");
}
