using System.Globalization;
using System.Text.Json.Nodes;
using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Messaging;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.RateOrders;

/// <summary>
/// Answers an <see cref="InfusionReactionReported"/> with exactly one <see cref="InfusionRateAdjustmentOrdered"/>.
/// Delivery is at least once, so the first delivery stores the order under the ReactionId (SET NX) before publishing,
/// and any later delivery re-publishes that stored order, same OrderId, instead of deciding again; downstream
/// dedupes by OrderId. A crash between storing and publishing is healed by the redelivery.
/// </summary>
public sealed class RateOrderHandler(
    IRegimenStore regimens,
    IRateOrderStore orders,
    ReactionRatePolicy policy,
    TimeProvider time,
    ILogger<RateOrderHandler> logger)
{
    /// <returns>The order published: the stored one for this reaction.</returns>
    /// <exception cref="UnknownRegimenException">The regimen does not exist; the message goes to the error queue after retries.</exception>
    /// <exception cref="InvalidReactionException">The reaction cannot be acted on; likewise.</exception>
    public async Task<InfusionRateAdjustmentOrdered> HandleAsync(
        InfusionReactionReported reaction, IIntegrationEventPublisher publisher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        ArgumentNullException.ThrowIfNull(publisher);
        var stored = await orders.FindAsync(reaction.ReactionId, cancellationToken);
        if (stored is not null)
        {
            logger.LogInformation("Reaction {ReactionId} delivered again: re-publishing its order {OrderId}", reaction.ReactionId, stored.Order.OrderId);
        }
        else
        {
            var regimen = await regimens.GetAsync(reaction.RegimenId, cancellationToken);
            if (regimen is null)
            {
                // Safety does not hang on this message (Monitoring escalates when no order comes), but it must be seen.
                logger.LogError("Reaction {ReactionId} of infusion {InfusionId} names regimen {RegimenId}, which Dosing does not have: no rate order",
                    reaction.ReactionId, reaction.InfusionId, reaction.RegimenId);
                throw new UnknownRegimenException(reaction.RegimenId, reaction.ReactionId);
            }

            var now = time.GetUtcNow();
            var fresh = RateOrderFactory.Create(reaction, regimen, policy, Guid.NewGuid(), now);
            stored = await orders.AddOrGetAsync(fresh, Audit(reaction, regimen, fresh, now), cancellationToken);
            if (stored.Order.OrderId != fresh.Order.OrderId)
            {
                logger.LogInformation("Reaction {ReactionId} was answered by a concurrent delivery: publishing its order {OrderId}", reaction.ReactionId, stored.Order.OrderId);
            }
            else
            {
                logger.LogInformation("Reaction {ReactionId}: order {OrderId} {Action} ({RuleId})", reaction.ReactionId, stored.Order.OrderId, stored.Order.Action, stored.Order.RuleId);
            }
        }

        await publisher.PublishAsync(stored.Order, cancellationToken);
        return stored.Order;
    }

    private static AuditEntry Audit(InfusionReactionReported reaction, V1.Regimen regimen, StoredRateOrder stored, DateTimeOffset now)
    {
        var order = stored.Order;
        var inputs = new JsonObject
        {
            ["reaction"] = InputsHash.ToNode(reaction),
            ["regimen"] = new JsonObject
            {
                ["regimenId"] = regimen.RegimenId,
                ["productId"] = regimen.Product?.ProductId,
                ["dosingWeightKg"] = regimen.DosingWeightKg,
                ["atRiskCapApplied"] = regimen.AtRiskCapApplied,
                ["catalogueVersion"] = regimen.CatalogueVersion,
            },
        };
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{order.Action} to {order.NewRateMgPerKgPerMin} mg/kg/min ({order.NewRateMlPerHour} mL/h){(order.ResumeRateMgPerKgPerMin is { } resume ? $", resume at {resume} mg/kg/min" : "")}; {stored.Severity}; reaction {reaction.Kind} grade {reaction.Grade} from {reaction.Source}; {order.Reason}");
        return new AuditEntry(
            Guid.NewGuid(),
            now,
            AuditActions.ServiceSubject,
            AuditActions.ServiceRole,
            AuditActions.OrderRateAdjustment,
            reaction.RegimenId,
            Guid.TryParse(regimen.AssessmentId, out var assessmentId) ? assessmentId : null,
            reaction.ReactionId,
            order.OrderId,
            InputsHash.Of(inputs),
            [order.RuleId],
            detail);
    }
}
