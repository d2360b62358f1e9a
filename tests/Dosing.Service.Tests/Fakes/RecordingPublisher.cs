using Ivig.Dosing.Features.Messaging;

namespace Ivig.Dosing.Tests.Fakes;

/// <summary>Keeps what was published; can play a broker that is down.</summary>
internal sealed class RecordingPublisher : IIntegrationEventPublisher
{
    public List<object> Published { get; } = [];

    public bool Down { get; set; }

    public Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class
    {
        if (Down)
        {
            throw new InvalidOperationException("The broker is down (fake).");
        }

        Published.Add(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<T> Of<T>() => [.. Published.OfType<T>()];
}
