using Ivig.IntegrationEvents;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// Publishes EligibilityAssessed for an assessment already stored (and queued in the outbox). It never
/// fails the request: the assessment stands, and an event that cannot go now is sent later by the relay.
/// </summary>
public interface IAssessmentEventPublisher
{
    Task PublishAsync(EligibilityAssessed assessed, CancellationToken cancellationToken);
}
