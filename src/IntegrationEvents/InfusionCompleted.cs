namespace Ivig.IntegrationEvents;

public sealed record InfusionCompleted(
    Guid InfusionId,
    Guid RegimenId,
    string FinalState,
    DateTimeOffset CompletedAt);
