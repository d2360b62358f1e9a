using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Features.Paging;
using Ivig.IntegrationEvents;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// Durable storage of assessments, their overrides and the audit trail. Each write is all-or-nothing: an
/// assessment is never stored without its index entry, audit entry and pending event, nor an override
/// without its audit entry.
/// </summary>
public interface IAssessmentStore
{
    /// <summary>Stores a new assessment with its audit entry, and queues its event for publication (outbox).</summary>
    Task AddAsync(AssessmentRecord assessment, AuditRecord audit, EligibilityAssessed assessed, CancellationToken cancellationToken);

    /// <summary>The assessment with its override, if any; null when there is none with this id.</summary>
    Task<AssessmentRecord?> FindAsync(Guid assessmentId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid assessmentId, CancellationToken cancellationToken);

    /// <summary>Assessments of one patient reference, newest first.</summary>
    Task<Page<AssessmentRecord>> ListByPatientAsync(string patientReference, PageCursor? after, int pageSize, CancellationToken cancellationToken);

    /// <summary>Appends the override and its audit entry, unless the assessment already has one.</summary>
    Task<OverrideWrite> TryAddOverrideAsync(Guid assessmentId, OverrideRecord record, AuditRecord audit, CancellationToken cancellationToken);

    /// <summary>The audit trail, all of it or of one assessment, newest first.</summary>
    Task<Page<AuditRecord>> ListAuditAsync(Guid? assessmentId, PageCursor? after, int pageSize, CancellationToken cancellationToken);
}
