namespace Ivig.Monitoring.Domain;

/// <summary>
/// A rate order as received, kept for idempotency (same <paramref name="OrderId"/> = same order) and audit.
/// <paramref name="RefusalCondition"/> is set when <paramref name="Outcome"/> is Refused.
/// </summary>
public sealed record RateOrderRecord(
    string OrderId,
    decimal RequestedRateMgPerKgMin,
    string RuleId,
    string Reason,
    Guid? ReactionId,
    DateTimeOffset ReceivedAt,
    RateOrderOutcome Outcome,
    string? RefusalCondition,
    long Sequence);
