using Ivig.Dosing.Features.RateOrders;
using Ivig.Dosing.Infrastructure;
using Ivig.IntegrationEvents;
using MassTransit;

namespace Ivig.Dosing.IntegrationEvents.EventHandling;

/// <summary>What happens when a reaction is reported: the safe rate after it (section 6), ordered once per reaction.</summary>
public sealed class InfusionReactionReportedConsumer(RateOrderHandler handler) : IConsumer<InfusionReactionReported>
{
    // Publishing through the consume context keeps the order in the reaction's conversation.
    public Task Consume(ConsumeContext<InfusionReactionReported> context) =>
        handler.HandleAsync(context.Message, new MassTransitEventPublisher(context), context.CancellationToken);
}
