namespace Ivig.Monitoring.Domain;

/// <summary>
/// The whole state of an <see cref="InfusionSession"/> as plain data, for storage: persist it, and store
/// with compare-and-set on <see cref="Version"/> (optimistic concurrency). Restore with
/// <see cref="InfusionSession.FromSnapshot"/>.
/// </summary>
public sealed record InfusionSessionSnapshot(
    Guid Id,
    InfusionPlan Plan,
    PreInfusionChecks Checks,
    Vitals BaselineVitals,
    DateTimeOffset StartedAt,
    InfusionState State,
    int CurrentStepIndex,
    decimal CurrentRateMgPerKgMin,
    decimal CurrentRateMlPerHour,
    DateTimeOffset CurrentRateSince,
    decimal LastToleratedRateMgPerKgMin,
    bool Grade2ReactionSinceLastRun,
    decimal? OrderedResumeCeilingMgPerKgMin,
    DateTimeOffset? EndedAt,
    string? EndReason,
    long Version,
    IReadOnlyList<RateChange> RateHistory,
    IReadOnlyList<VitalsReading> VitalsHistory,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<RateOrderRecord> RateOrders);
