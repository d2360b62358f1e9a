using Grpc.Core;
using Ivig.Dosing.Features.Assessments;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Tests.Fakes;

/// <summary>Eligibility with a fixed set of assessments; can be switched off to play "down".</summary>
internal sealed class FakeEligibility : IEligibilityAssessments
{
    private readonly Dictionary<Guid, Assessment> _assessments = [];

    public bool Down { get; set; }

    public int Calls { get; private set; }

    public Guid Add(Assessment assessment)
    {
        var id = Guid.NewGuid();
        assessment.AssessmentId = id.ToString("D");
        _assessments[id] = assessment;
        return id;
    }

    public Task<Assessment> GetAsync(Guid assessmentId, DateTime? deadline, CancellationToken cancellationToken)
    {
        Calls++;
        if (Down)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Eligibility is down (fake)."));
        }

        return _assessments.TryGetValue(assessmentId, out var assessment)
            ? Task.FromResult(assessment.Clone())
            : throw new ResourceNotFoundException("Assessment", assessmentId.ToString("D"));
    }

    public static Assessment Assessment(Decision decision, Action<ProductConstraints>? constraints = null)
    {
        var assessment = new Assessment
        {
            PatientReference = "patient-ref-1",
            Decision = decision,
            CatalogueVersion = "eligibility-test",
            Constraints = new ProductConstraints { PremedicationRequired = true, HydrationRequired = true },
        };
        constraints?.Invoke(assessment.Constraints);
        return assessment;
    }
}
