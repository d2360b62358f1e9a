namespace Ivig.Monitoring.Domain;

/// <summary>The whole state of an <see cref="Alert"/> as plain data, for storage.</summary>
public sealed record AlertSnapshot(
    Guid Id,
    Guid InfusionId,
    AlertSeverity Severity,
    AlertState State,
    string RuleId,
    string Message,
    string DeduplicationKey,
    Guid? ReactionId,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    long Version);
