using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Paging;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Audit;

/// <summary>ListAuditEntries: the audit trail, all of it or of one assessment, newest first, paged.</summary>
public sealed class ListAuditEntriesQuery(IAssessmentStore store)
{
    public async Task<ListAuditEntriesResponse> ExecuteAsync(ListAuditEntriesRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var assessmentId = AssessmentId.Read(request.AssessmentId, "assessment_id", violations, optional: true);
        var scope = "audit:" + (assessmentId?.ToString("N") ?? "all");
        var page = PageRequest.Read(request.PageSize, request.PageToken, scope, violations);
        RequestValidationException.ThrowIfAny(violations);

        // An unknown assessment is NotFound, not an empty trail: an empty answer would read as "never audited".
        if (assessmentId is { } id && !await store.ExistsAsync(id, cancellationToken))
        {
            throw new ResourceNotFoundException(AssessmentId.ResourceType, request.AssessmentId);
        }

        var entries = await store.ListAuditAsync(assessmentId, page.After, page.PageSize, cancellationToken);
        return new ListAuditEntriesResponse
        {
            Entries = { entries.Items.Select(e => e.ToProto()) },
            NextPageToken = PageRequest.NextToken(entries, scope),
        };
    }
}
