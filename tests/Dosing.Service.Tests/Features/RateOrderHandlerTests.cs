using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.RateOrders;
using Ivig.Dosing.Tests.Fakes;
using Ivig.IntegrationEvents;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ivig.Dosing.Tests.Features;

/// <summary>The reaction consumer's logic: one reaction, one order id, however often it is delivered.</summary>
public class RateOrderHandlerTests
{
    private readonly InMemoryRegimenStore _regimens = new();
    private readonly InMemoryRateOrderStore _orders = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly RateOrderHandler _handler;
    private readonly V1.Regimen _regimen = RateOrderFactoryTests.Regimen();

    public RateOrderHandlerTests()
    {
        _regimens.Put(_regimen);
        _handler = new RateOrderHandler(_regimens, _orders, new ReactionRatePolicy(new DosingPolicyOptions()),
            FixedTime.At("2025-03-10T09:00:00Z"), NullLogger<RateOrderHandler>.Instance);
    }

    private Task<InfusionRateAdjustmentOrdered> Handle(InfusionReactionReported reaction) =>
        _handler.HandleAsync(reaction, _publisher, CancellationToken.None);

    [Fact]
    public async Task The_first_delivery_stores_audits_and_publishes_the_order()
    {
        var reaction = RateOrderFactoryTests.Reaction(_regimen, "InfusionRelated", 1, current: 4);

        var order = await Handle(reaction);

        Assert.Equal(order, Assert.Single(_publisher.Of<InfusionRateAdjustmentOrdered>()));
        Assert.Equal(order, Assert.Single(_orders.Orders).Order);
        var audit = Assert.Single(_orders.Audit);
        Assert.Equal(("dosing", "service", "OrderRateAdjustment"), (audit.ActorSubject, audit.ActorRole, audit.Action));
        Assert.Equal((reaction.ReactionId, order.OrderId, reaction.RegimenId), (audit.ReactionId!.Value, audit.OrderId!.Value, audit.RegimenId));
        Assert.Equal(["RXN-G1"], audit.RuleIds);
        Assert.Matches("^[0-9a-f]{64}$", audit.InputsHash);
    }

    [Fact]
    public async Task A_redelivery_republishes_the_same_order_without_deciding_again()
    {
        var reaction = RateOrderFactoryTests.Reaction(_regimen, "InfusionRelated", 1, current: 4);
        var first = await Handle(reaction);
        // Even if the regimen were gone now, the stored order answers: nothing is recomputed.
        _regimens.Remove(reaction.RegimenId);

        var second = await Handle(reaction);

        Assert.Equal(first, second);
        Assert.Equal([first.OrderId, first.OrderId], _publisher.Of<InfusionRateAdjustmentOrdered>().Select(o => o.OrderId));
        Assert.Single(_orders.Orders);
        Assert.Single(_orders.Audit);
    }

    [Fact]
    public async Task A_concurrent_delivery_that_stored_first_wins_and_its_order_is_published()
    {
        var reaction = RateOrderFactoryTests.Reaction(_regimen, "InfusionRelated", 2, current: 4);
        var winner = RateOrderFactory.Create(reaction, _regimen, new ReactionRatePolicy(new DosingPolicyOptions()), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        _orders.ConcurrentWinner = winner;

        var published = await Handle(reaction);

        Assert.Equal(winner.Order.OrderId, published.OrderId);
        Assert.Equal(winner.Order.OrderId, Assert.Single(_publisher.Of<InfusionRateAdjustmentOrdered>()).OrderId);
        Assert.Empty(_orders.Audit); // the winner's delivery audited it, not this one
    }

    [Fact]
    public async Task A_crash_after_storing_is_healed_by_the_redelivery_with_the_same_order()
    {
        var reaction = RateOrderFactoryTests.Reaction(_regimen, "Thrombosis", 1, current: 2);
        _publisher.Down = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Handle(reaction));
        var stored = Assert.Single(_orders.Orders).Order;

        _publisher.Down = false;
        var published = await Handle(reaction);

        Assert.Equal(stored, published);
        Assert.Equal("Stop", published.Action);
    }

    [Fact]
    public async Task Each_reaction_gets_its_own_order()
    {
        var a = await Handle(RateOrderFactoryTests.Reaction(_regimen, "InfusionRelated", 1, current: 4));
        var b = await Handle(RateOrderFactoryTests.Reaction(_regimen, "InfusionRelated", 1, current: 2));

        Assert.NotEqual(a.OrderId, b.OrderId);
        Assert.Equal(2, _orders.Orders.Count);
    }

    [Fact]
    public async Task An_unknown_regimen_throws_so_the_message_ends_in_the_error_queue_and_nothing_is_ordered()
    {
        var reaction = RateOrderFactoryTests.Reaction(_regimen, "InfusionRelated", 1, current: 4) with { RegimenId = Guid.NewGuid() };

        var ex = await Assert.ThrowsAsync<UnknownRegimenException>(() => Handle(reaction));

        Assert.Equal(reaction.RegimenId, ex.RegimenId);
        Assert.Empty(_orders.Orders);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task An_invalid_reaction_stores_and_publishes_nothing()
    {
        var reaction = RateOrderFactoryTests.Reaction(_regimen, "Sneezing", 1, current: 4);

        await Assert.ThrowsAsync<InvalidReactionException>(() => Handle(reaction));

        Assert.Empty(_orders.Orders);
        Assert.Empty(_publisher.Published);
    }
}
