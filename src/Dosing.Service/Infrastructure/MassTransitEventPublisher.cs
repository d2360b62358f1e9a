using Ivig.Dosing.Features.Messaging;
using MassTransit;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// Publishes through MassTransit. Inside a consumer it wraps the <see cref="ConsumeContext"/>, so the published
/// event carries the conversation and correlation of the message that caused it.
/// </summary>
public sealed class MassTransitEventPublisher(IPublishEndpoint endpoint) : IIntegrationEventPublisher
{
    public Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class =>
        endpoint.Publish(message, cancellationToken);
}
