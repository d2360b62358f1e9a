namespace Ivig.IntegrationEvents;

/// <summary>
/// A reaction was reported by a nurse or detected from vitals. Monitoring has already frozen
/// titration (and stopped the infusion if severe) before this is published; Dosing answers
/// with <see cref="InfusionRateAdjustmentOrdered"/>. <see cref="ReactionId"/> is the idempotency key.
/// </summary>
public sealed record InfusionReactionReported(
    Guid ReactionId,
    Guid InfusionId,
    Guid RegimenId,
    string Kind,
    int Grade,
    string RuleId,
    string Source,
    double CurrentRateMgPerKgPerMin,
    double LastToleratedRateMgPerKgPerMin,
    bool InfusionStopped,
    DateTimeOffset ReportedAt);
