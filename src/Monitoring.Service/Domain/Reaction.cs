namespace Ivig.Monitoring.Domain;

/// <summary>
/// A reaction recorded in a session. Immutable: resolving or receiving an order replaces the record.
/// Active from <see cref="ReportedAt"/> until <see cref="ResolvedAt"/>; while any reaction is active the
/// rate never rises. <paramref name="FindingRuleId"/> is the VIT-* rule for a detected reaction.
/// <paramref name="RateOrderExpected"/> is true when the infusion kept running (RXN-G1) and so waits for
/// Dosing's order under the RXN-ORDER-DEADLINE escalation. <paramref name="RequestId"/> is the reporting
/// client's id for the report, if it gave one (a retry with it returns this reaction).
/// </summary>
public sealed record Reaction(
    Guid Id,
    ReactionKind Kind,
    ReactionGrade Grade,
    string RuleId,
    ReactionAction Action,
    IReadOnlyList<string> Symptoms,
    ReactionSource Source,
    string? FindingRuleId,
    DateTimeOffset ReportedAt,
    long ReportedSequence,
    decimal RateAtOnsetMgPerKgMin,
    InfusionState StateAtOnset,
    bool RateOrderExpected,
    DateTimeOffset? RateOrderReceivedAt = null,
    DateTimeOffset? RateOrderEscalatedAt = null,
    DateTimeOffset? ResolvedAt = null,
    long? ResolvedSequence = null,
    string? RequestId = null)
{
    public bool IsActive => ResolvedAt is null;

    /// <summary>Active at the moment the operation with <paramref name="sequence"/> ran.</summary>
    public bool IsActiveAt(long sequence) =>
        ReportedSequence <= sequence && (ResolvedSequence is not { } resolved || resolved > sequence);
}
