using Ivig.Eligibility.V1;
using Microsoft.Extensions.Caching.Memory;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// Assessments whose answer to Dosing can no longer change, kept in memory so planning a course again on
/// the same assessment (another product, a corrected weight) does not call Eligibility each time. An
/// assessment is immutable and may gain one override, once; so one that is ELIGIBLE (or with precautions),
/// or already carries its override, is settled. Any other (an override may still be recorded) is always
/// read from Eligibility. Bounded, and per process: a replica that has not seen it asks Eligibility.
/// </summary>
public sealed class SettledAssessmentCache : IDisposable
{
    public const int MaxAssessments = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxAssessments });

    public Assessment? Find(Guid assessmentId) =>
        _cache.TryGetValue(assessmentId, out Assessment? cached) ? cached?.Clone() : null;

    public void Offer(Guid assessmentId, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (IsSettled(assessment))
        {
            _cache.Set(assessmentId, assessment.Clone(), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });
        }
    }

    public static bool IsSettled(Assessment assessment) =>
        assessment.Decision is Decision.Eligible or Decision.EligibleWithPrecautions
        || assessment.Override is { } o && !string.IsNullOrWhiteSpace(o.Reason);

    public void Dispose() => _cache.Dispose();
}
