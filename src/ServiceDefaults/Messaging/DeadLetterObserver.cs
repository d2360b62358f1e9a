using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Ivig.ServiceDefaults.Messaging;

/// <summary>
/// A message whose consumer still fails after every retry is moved to the endpoint's "_error" queue.
/// That must never be silent: each one is counted (metric ivig.messaging.dead_lettered, by message
/// type) and logged as an error with its message id, so the dashboard and alerting see it.
/// </summary>
public sealed class DeadLetterObserver(ILogger<DeadLetterObserver> logger, IMeterFactory meters) : IConsumeObserver
{
    private readonly Counter<long> _deadLettered = meters.Create("Ivig.Messaging")
        .CreateCounter<long>("ivig.messaging.dead_lettered", description: "Messages moved to an error queue after every retry failed");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        // Retries happen inside the pipeline; a fault that reaches this observer is final.
        _deadLettered.Add(1, new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        logger.LogError(exception, "Message {MessageId} ({MessageType}) failed after all retries and was moved to the error queue",
            context.MessageId, typeof(T).Name);
        return Task.CompletedTask;
    }
}
