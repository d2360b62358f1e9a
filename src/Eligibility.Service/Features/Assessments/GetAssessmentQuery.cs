using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>GetAssessment: one stored assessment with its override, if any.</summary>
public sealed class GetAssessmentQuery(IAssessmentStore store)
{
    public async Task<GetAssessmentResponse> ExecuteAsync(GetAssessmentRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var id = AssessmentId.Read(request.AssessmentId, "assessment_id", violations);
        RequestValidationException.ThrowIfAny(violations);

        var assessment = await store.FindAsync(id!.Value, cancellationToken)
            ?? throw new ResourceNotFoundException(AssessmentId.ResourceType, request.AssessmentId);
        return new GetAssessmentResponse { Assessment = assessment.ToProto() };
    }
}
