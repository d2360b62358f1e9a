namespace Ivig.IntegrationEvents;

public sealed record InfusionStarted(
    Guid InfusionId,
    Guid RegimenId,
    int Day,
    string ProductId,
    double RateMgPerKgPerMin,
    double RateMlPerHour,
    DateTimeOffset StartedAt);
