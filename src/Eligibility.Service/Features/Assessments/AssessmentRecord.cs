using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Grpc;
using Ivig.IntegrationEvents;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// An assessment as stored: the facts, the engine's result and who asked, immutable once written. An
/// override is appended beside it (<see cref="Override"/>), never written into the decision.
/// Missing facts keep the domain's names; the contract mapping renames them.
/// </summary>
public sealed record AssessmentRecord(
    Guid AssessmentId,
    string PatientReference,
    DateTimeOffset AssessedAt,
    Caller AssessedBy,
    PatientFacts Facts,
    string FactsHash,
    EligibilityOutcome Decision,
    IReadOnlyList<EligibilityReason> Reasons,
    IReadOnlyList<Precaution> Precautions,
    IReadOnlyList<string> MissingFacts,
    ConstraintsRecord Constraints,
    string CatalogueVersion,
    OverrideRecord? Override = null)
{
    public static AssessmentRecord Create(
        Guid assessmentId, string patientReference, DateTimeOffset assessedAt, Caller assessedBy, PatientFacts facts, EligibilityResult result) =>
        new(
            assessmentId,
            patientReference,
            assessedAt,
            assessedBy,
            facts,
            FactsHasher.Hash(facts),
            result.Decision,
            result.Reasons,
            result.Precautions,
            result.MissingFacts,
            ConstraintsRecord.From(result.ProductConstraints),
            result.CatalogueVersion);

    /// <summary>Every rule that fired plus the engine's findings, strongest first.</summary>
    public IReadOnlyList<string> RuleIds() => [.. Reasons.Select(r => r.RuleId)];

    /// <summary>The event for other services: ids, decision and rules only, nothing that identifies the patient.</summary>
    public EligibilityAssessed ToEvent() =>
        new(AssessmentId, Decision.ToEventName(), RuleIds(), CatalogueVersion, AssessedAt);
}
