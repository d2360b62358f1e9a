using Ivig.Eligibility.Features.Assessments;
using Ivig.IntegrationEvents;
using MassTransit;
using StackExchange.Redis;

namespace Ivig.Eligibility.Infrastructure;

/// <summary>
/// Publishes EligibilityAssessed right after the assessment is stored, then clears its outbox entry. The
/// request does not wait for it (the assessment and its event are already stored): if the broker is slow or
/// down the entry stays and <see cref="OutboxRelay"/> sends it later. It publishes on the bus itself, not a
/// request's scope, since it outlives the request. The message id is the assessment id, so consumers
/// can drop the duplicate that at-least-once delivery may bring.
/// </summary>
public sealed partial class OutboxEventPublisher(
    IBus publishEndpoint,
    IConnectionMultiplexer redis,
    ILogger<OutboxEventPublisher> logger) : IAssessmentEventPublisher
{
    /// <summary>How long a request waits for the broker before leaving the event to the relay.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    public async Task PublishAsync(EligibilityAssessed assessed, CancellationToken cancellationToken)
    {
        // Not the caller's token: once stored, the event should go out even if the caller has gone.
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await Publish(publishEndpoint, assessed, timeout.Token).WaitAsync(PublishTimeout);
            await redis.GetDatabase().HashDeleteAsync(RedisKeys.Outbox, RedisKeys.Member(assessed.AssessmentId));
        }
        catch (Exception ex)
        {
            LogDeferred(logger, ex, assessed.AssessmentId);
        }
    }

    internal static Task Publish(IPublishEndpoint endpoint, EligibilityAssessed assessed, CancellationToken cancellationToken) =>
        endpoint.Publish(assessed, context => context.MessageId = assessed.AssessmentId, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "EligibilityAssessed for assessment {AssessmentId} not published yet; the outbox relay will retry")]
    private static partial void LogDeferred(ILogger logger, Exception exception, Guid assessmentId);
}
