using Ivig.IntegrationEvents;

namespace Ivig.Eligibility.Infrastructure;

/// <summary>An event waiting in the Redis outbox, with when it was queued (the relay leaves fresh ones to the request).</summary>
internal sealed record OutboxEntry(EligibilityAssessed Event, DateTimeOffset QueuedAt);
