namespace Ivig.IntegrationEvents;

/// <summary>Dosing's order of a new safe rate after a reaction: never above the current rate.</summary>
public sealed record InfusionRateAdjustmentOrdered(
    Guid OrderId,
    Guid ReactionId,
    Guid InfusionId,
    string Action,
    double NewRateMgPerKgPerMin,
    double NewRateMlPerHour,
    double? ResumeRateMgPerKgPerMin,
    string RuleId,
    string Reason,
    DateTimeOffset OrderedAt);
