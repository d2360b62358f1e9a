namespace Ivig.Monitoring.Domain;

/// <summary>
/// The whole state of an <see cref="InfusionSession"/> as plain data, for storage: persist it, and store
/// with compare-and-set on <see cref="Version"/> (optimistic concurrency). Restore with
/// <see cref="InfusionSession.FromSnapshot"/>. The vitals history is stored beside it, not in it.
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
    VitalsReading LatestVitals,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<RateOrderRecord> RateOrders);
