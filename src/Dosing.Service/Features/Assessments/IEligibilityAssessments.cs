using Ivig.Eligibility.V1;

namespace Ivig.Dosing.Features.Assessments;

/// <summary>Reads an eligibility assessment from the Eligibility service (the only source of truth for it).</summary>
public interface IEligibilityAssessments
{
    /// <exception cref="ServiceDefaults.Grpc.ResourceNotFoundException">Eligibility has no such assessment.</exception>
    /// <exception cref="Grpc.Core.RpcException"><c>Unavailable</c> when Eligibility cannot answer.</exception>
    Task<Assessment> GetAsync(Guid assessmentId, DateTime? deadline, CancellationToken cancellationToken);
}
