using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Features.Paging;
using Ivig.IntegrationEvents;

namespace Ivig.Eligibility.Tests.Features.Fakes;

/// <summary>
/// The store contract in memory, with the Redis store's ordering (score = Unix ms, ties by member
/// descending) and cursor paging, so the features can be tested without Redis.
/// </summary>
internal sealed class InMemoryAssessmentStore : IAssessmentStore
{
    private readonly Dictionary<Guid, AssessmentRecord> _assessments = [];
    private readonly List<AuditRecord> _audit = [];

    public List<EligibilityAssessed> Outbox { get; } = [];

    public IReadOnlyCollection<AssessmentRecord> Assessments => _assessments.Values;

    public IReadOnlyList<AuditRecord> AuditTrail => _audit;

    public Task AddAsync(AssessmentRecord assessment, AuditRecord audit, EligibilityAssessed assessed, CancellationToken cancellationToken)
    {
        _assessments.Add(assessment.AssessmentId, assessment);
        _audit.Add(audit);
        Outbox.Add(assessed);
        return Task.CompletedTask;
    }

    public Task<AssessmentRecord?> FindAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        Task.FromResult(_assessments.GetValueOrDefault(assessmentId));

    public Task<bool> ExistsAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        Task.FromResult(_assessments.ContainsKey(assessmentId));

    public Task<Page<AssessmentRecord>> ListByPatientAsync(string patientReference, PageCursor? after, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(PageOf(
            _assessments.Values.Where(a => a.PatientReference == patientReference),
            a => (a.AssessedAt.ToUnixTimeMilliseconds(), a.AssessmentId.ToString("N")),
            after,
            pageSize));

    public Task<OverrideWrite> TryAddOverrideAsync(Guid assessmentId, OverrideRecord record, AuditRecord audit, CancellationToken cancellationToken)
    {
        if (!_assessments.TryGetValue(assessmentId, out var assessment))
        {
            return Task.FromResult(OverrideWrite.AssessmentNotFound);
        }

        if (assessment.Override is not null)
        {
            return Task.FromResult(OverrideWrite.AlreadyOverridden);
        }

        _assessments[assessmentId] = assessment with { Override = record };
        _audit.Add(audit);
        return Task.FromResult(OverrideWrite.Added);
    }

    public Task<Page<AuditRecord>> ListAuditAsync(Guid? assessmentId, PageCursor? after, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(PageOf(
            _audit.Where(e => assessmentId is null || e.AssessmentId == assessmentId),
            e => (e.At.ToUnixTimeMilliseconds(), e.EntryId.ToString("N")),
            after,
            pageSize));

    private static Page<T> PageOf<T>(IEnumerable<T> items, Func<T, (long Score, string Member)> key, PageCursor? after, int pageSize)
    {
        var ordered = items
            .Select(item => (Item: item, Key: key(item)))
            .OrderByDescending(x => x.Key.Score)
            .ThenByDescending(x => x.Key.Member, StringComparer.Ordinal)
            .Where(x => after is not { } c
                || x.Key.Score < c.Score
                || (x.Key.Score == c.Score && string.CompareOrdinal(x.Key.Member, c.Member) < 0))
            .Take(pageSize + 1)
            .ToList();
        var page = ordered.Take(pageSize).ToList();
        PageCursor? next = ordered.Count > pageSize ? new PageCursor(page[^1].Key.Score, page[^1].Key.Member) : null;
        return new Page<T>([.. page.Select(x => x.Item)], next);
    }
}
