using Ivig.IntegrationEvents;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Telemetry;
using MassTransit;

namespace Ivig.Monitoring.IntegrationEvents.EventHandling;

/// <summary>
/// Applies Dosing's safe rate after a reaction. Never raises a rate (the domain refuses an order above
/// the current one), and is idempotent twice over: the message id is kept in Redis, and the domain
/// ignores an order id it has already recorded. The reaction's one alert was stored with the reaction
/// (the outbox), so nothing here raises it again. The rate change's event goes through the outbox too.
/// </summary>
public sealed class InfusionRateAdjustmentOrderedConsumer(
    InfusionUpdater updater, ProcessedMessages processed, MonitoringMetrics metrics,
    ILogger<InfusionRateAdjustmentOrderedConsumer> logger) : IConsumer<InfusionRateAdjustmentOrdered>
{
    private const string ConsumerName = "rate-adjustment-ordered";

    public async Task Consume(ConsumeContext<InfusionRateAdjustmentOrdered> context)
    {
        var order = context.Message;
        var messageId = order.OrderId.ToString("N");
        if (await processed.WasProcessedAsync(ConsumerName, messageId))
        {
            logger.LogInformation("Rate order {OrderId} was already applied; redelivery ignored", order.OrderId);
            return;
        }

        decimal previous = 0;
        var (session, result) = await updater.UpdateAsync(order.InfusionId, (s, now) =>
        {
            previous = s.CurrentRateMgPerKgMin;
            return s.ApplyRateOrder(order.OrderId.ToString(), (decimal)(order.ResumeRateMgPerKgPerMin ?? order.NewRateMgPerKgPerMin),
                order.RuleId, order.Reason, now, order.ReactionId);
        }, (s, applied) => applied.RateChange is { } change ? [InfusionEvents.RateChanged(s, previous, change, order.OrderId)] : []);

        if (!result.IsDuplicate)
        {
            if (result.RateChange is { } change && session.Reactions.FirstOrDefault(r => r.Id == order.ReactionId) is { } answered)
            {
                metrics.RateOrderApplied(change.At - answered.ReportedAt, order.RuleId);
            }
            logger.LogInformation("Rate order {OrderId} for infusion {InfusionId}: {Outcome}", order.OrderId, order.InfusionId, result.Record.Outcome);
        }
        await processed.MarkProcessedAsync(ConsumerName, messageId);
    }
}
