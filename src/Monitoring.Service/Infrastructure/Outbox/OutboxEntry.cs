namespace Ivig.Monitoring.Infrastructure.Outbox;

/// <summary>What must happen after a stored change: publish an integration event, or raise an alert.</summary>
public enum OutboxEffect
{
    Publish,
    RaiseAlert,
}

/// <summary>
/// One effect of a state change, written to Redis in the same script as the change itself, so the
/// change and its effects are stored together or not at all. <see cref="Id"/> becomes the published
/// message's id, so a consumer can drop the duplicate that a second attempt may bring.
/// </summary>
public sealed record OutboxEntry(Guid Id, OutboxEffect Effect, string Type, string Payload, DateTimeOffset QueuedAt);
