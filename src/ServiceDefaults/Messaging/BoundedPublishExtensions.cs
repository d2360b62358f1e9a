using MassTransit;
using Microsoft.Extensions.Logging;

namespace Ivig.ServiceDefaults.Messaging;

/// <summary>
/// Publishing outside a consumer waits for the broker; when RabbitMQ is down that wait has no end.
/// A clinical request or the safety sweep must never hang on it: the publish gets a bounded time,
/// and a failure is logged (the state it announces is already stored and readable).
/// </summary>
public static class BoundedPublishExtensions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static async Task<bool> PublishBoundedAsync<T>(this IPublishEndpoint publisher, T message, ILogger logger,
        CancellationToken cancellationToken = default) where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await publisher.Publish(message, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or MassTransitException or TimeoutException)
        {
            logger.LogError(ex, "Could not publish {MessageType} within {Timeout}; the broker may be down", typeof(T).Name, DefaultTimeout);
            return false;
        }
    }
}
