using Ivig.Eligibility.Features.Paging;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>ListAssessments: the assessments of one patient reference, newest first, paged.</summary>
public sealed class ListAssessmentsQuery(IAssessmentStore store)
{
    public async Task<ListAssessmentsResponse> ExecuteAsync(ListAssessmentsRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (PatientReference.Problem(request.PatientReference) is { } problem)
        {
            violations.Add(new("patient_reference", problem));
        }

        var scope = Scope(request.PatientReference);
        var page = PageRequest.Read(request.PageSize, request.PageToken, scope, violations);
        RequestValidationException.ThrowIfAny(violations);

        var assessments = await store.ListByPatientAsync(request.PatientReference, page.After, page.PageSize, cancellationToken);
        return new ListAssessmentsResponse
        {
            Assessments = { assessments.Items.Select(a => a.ToProto()) },
            NextPageToken = PageRequest.NextToken(assessments, scope),
        };
    }

    public static string Scope(string patientReference) => "assessments:" + patientReference;
}
