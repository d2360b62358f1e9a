namespace Ivig.Monitoring.Domain;

/// <summary>
/// The reaction just recorded and the rate change it caused in the same call (pause or stop), if any.
/// The host publishes InfusionReactionReported, and InfusionRateChanged when <see cref="RateChange"/> is set.
/// <see cref="Repeated"/>: a retried report (same request id) that found its reaction already recorded.
/// </summary>
public sealed record ReactionOutcome(Reaction Reaction, RateChange? RateChange, bool Repeated = false);
