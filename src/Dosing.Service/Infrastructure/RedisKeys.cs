using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// Dosing's Redis keys, all under "dosing:". None expires: regimens, rate orders and the audit are clinical records.
/// Scripts span several keys, so a Redis Cluster deployment would need hash tags; the suite runs one primary.
/// </summary>
public static class RedisKeys
{
    public static RedisKey Regimen(Guid regimenId) => $"dosing:regimen:{regimenId:D}";

    /// <summary>The rate order answering one reaction: the idempotency record of the reaction consumer.</summary>
    public static RedisKey RateOrder(Guid reactionId) => $"dosing:rate-order:{reactionId:D}";

    /// <summary>Append-only stream of <see cref="Features.Audit.AuditEntry"/>; never trimmed.</summary>
    public static RedisKey Audit { get; } = "dosing:audit";

    /// <summary>Hash regimen id → RegimenPlanned JSON, for events not yet confirmed published.</summary>
    public static RedisKey RegimenPlannedOutbox { get; } = "dosing:outbox:regimen-planned";
}
