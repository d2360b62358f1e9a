namespace Ivig.IntegrationEvents;

public sealed record InfusionRateChanged(
    Guid InfusionId,
    double PreviousRateMgPerKgPerMin,
    double RateMgPerKgPerMin,
    double RateMlPerHour,
    string RuleId,
    string Reason,
    Guid? OrderId,
    DateTimeOffset ChangedAt);
