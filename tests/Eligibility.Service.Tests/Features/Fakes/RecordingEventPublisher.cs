using Ivig.Eligibility.Features.Assessments;
using Ivig.IntegrationEvents;

namespace Ivig.Eligibility.Tests.Features.Fakes;

internal sealed class RecordingEventPublisher : IAssessmentEventPublisher
{
    public List<EligibilityAssessed> Published { get; } = [];

    public Task PublishAsync(EligibilityAssessed assessed, CancellationToken cancellationToken)
    {
        Published.Add(assessed);
        return Task.CompletedTask;
    }
}
