namespace Ivig.Dosing.Features.Messaging;

/// <summary>Publishes an integration event; features depend on this, not on the bus, so they test without a broker.</summary>
public interface IIntegrationEventPublisher
{
    Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class;
}
