namespace Ivig.IntegrationEvents;

public sealed record ClinicalAlertRaised(
    Guid AlertId,
    Guid InfusionId,
    string Severity,
    string RuleId,
    string Message,
    DateTimeOffset RaisedAt);
