using StackExchange.Redis;

namespace Ivig.Eligibility.Infrastructure;

/// <summary>
/// Every Redis key of this service, under "eligibility:". Nothing here expires: assessments and their
/// audit trail are clinical records.
/// </summary>
internal static class RedisKeys
{
    /// <summary>Hash: "record" (the immutable assessment, JSON) and, once, "override" (JSON).</summary>
    public static RedisKey Assessment(Guid id) => $"eligibility:assessment:{id:N}";

    /// <summary>Sorted set of one patient's assessment ids, scored by assessment time (Unix ms).</summary>
    public static RedisKey PatientAssessments(string patientReference) => $"eligibility:patient:{patientReference}:assessments";

    /// <summary>Hash: audit entry id → entry (JSON).</summary>
    public static readonly RedisKey AuditEntries = "eligibility:audit:entries";

    /// <summary>Sorted set of every audit entry id, scored by time (Unix ms).</summary>
    public static readonly RedisKey AuditIndex = "eligibility:audit:index";

    /// <summary>Sorted set of one assessment's audit entry ids, scored by time (Unix ms).</summary>
    public static RedisKey AssessmentAudit(Guid id) => $"eligibility:assessment:{id:N}:audit";

    /// <summary>Hash: assessment id → EligibilityAssessed not yet confirmed published (the outbox).</summary>
    public static readonly RedisKey Outbox = "eligibility:outbox";

    /// <summary>The member form of an id in indexes and hashes: 32 hex digits; version-7 ids sort by time.</summary>
    public static string Member(Guid id) => id.ToString("N");
}
