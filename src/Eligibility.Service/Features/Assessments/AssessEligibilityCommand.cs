using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// AssessEligibility: validate, run every rule of the catalogue, store the immutable assessment with its
/// audit entry and its EligibilityAssessed (outbox), return the assessment while the event is published.
/// Bad input stores nothing.
/// </summary>
public sealed class AssessEligibilityCommand(
    EligibilityEngine engine,
    IOptions<EligibilityThresholds> thresholds,
    TimeProvider time,
    IAssessmentStore store,
    IAssessmentEventPublisher events)
{
    public async Task<AssessEligibilityResponse> ExecuteAsync(AssessEligibilityRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        RequestValidationException.ThrowIfAny(AssessEligibilityValidator.Validate(request, today));

        var facts = request.Facts.ToDomain(thresholds.Value);
        var result = engine.Assess(facts, new EligibilityContext(today, thresholds.Value));

        // Version-7 ids sort by time, which keeps ties in the per-patient index newest first.
        var assessment = AssessmentRecord.Create(Guid.CreateVersion7(now), request.PatientReference, now, caller, facts, result);
        var assessed = assessment.ToEvent();
        await store.AddAsync(assessment, AuditRecord.ForAssessment(assessment), assessed, cancellationToken);
        // Stored with its event (the outbox): announced now without the caller waiting for the broker.
        _ = events.PublishAsync(assessed, CancellationToken.None);

        return new AssessEligibilityResponse { Assessment = assessment.ToProto() };
    }
}
