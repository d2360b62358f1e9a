using System.Globalization;
using Ivig.Dosing.Domain;
using Ivig.Dosing.Grpc;
using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.RateOrders;

/// <summary>
/// The rate order for a reaction (rule catalogue section 6), from the regimen as planned: its product snapshot
/// (ladder, concentration, at-risk cap), its dosing weight and whether DOSE-CAP applies. Pure.
/// </summary>
public static class RateOrderFactory
{
    // Far above any product's maximum rate: a larger number is a corrupt message, not a rate.
    private const double MaxPlausibleRateMgPerKgMin = 1000;

    private const string StillStopped = "; the infusion is already stopped and stays stopped until a clinician restarts it";

    /// <exception cref="InvalidReactionException">The reaction's kind, grade or rates cannot be acted on.</exception>
    public static StoredRateOrder Create(InfusionReactionReported reaction, V1.Regimen regimen, ReactionRatePolicy policy, Guid orderId, DateTimeOffset orderedAt)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(policy);
        if (!ReactionKindParser.TryParse(reaction.Kind, reaction.Grade, out var kind))
        {
            throw new InvalidReactionException(reaction.ReactionId, $"kind '{reaction.Kind}' with grade {reaction.Grade} is not a known reaction");
        }

        var current = Rate(reaction, reaction.CurrentRateMgPerKgPerMin, "current rate");
        var lastTolerated = Rate(reaction, reaction.LastToleratedRateMgPerKgPerMin, "last tolerated rate");
        var product = regimen.Product?.ToDomain() ?? throw new InvalidOperationException($"regimen {regimen.RegimenId} has no product");
        RateOrder order;
        try
        {
            order = policy.Decide(new ReactionRateRequest
            {
                Kind = kind,
                CurrentRateMgPerKgMin = current,
                // 0 means none known (a reaction on the first step): the policy then counts from the current rate.
                LastToleratedRateMgPerKgMin = lastTolerated > 0 ? lastTolerated : null,
                DosingWeightKg = (decimal)regimen.DosingWeightKg,
                Product = product,
                AtRiskCapRequired = regimen.AtRiskCapApplied,
            });
        }
        catch (DosingValidationException ex)
        {
            throw new InvalidReactionException(reaction.ReactionId, ex.Message);
        }

        if (reaction.InfusionStopped)
        {
            order = KeepStopped(order);
        }

        // The invariant the whole suite relies on, checked once more where the order leaves Dosing.
        var ceiling = reaction.InfusionStopped ? 0m : current;
        if (order.NewRateMgPerKgMin > ceiling || order.ResumeRateMgPerKgMin > current)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"rate order for reaction {reaction.ReactionId} would raise the rate ({order.NewRateMgPerKgMin} > {ceiling} mg/kg/min); refused"));
        }

        return new StoredRateOrder(
            new InfusionRateAdjustmentOrdered(
                orderId,
                reaction.ReactionId,
                reaction.InfusionId,
                order.Action.ToString(),
                (double)order.NewRateMgPerKgMin,
                (double)order.NewRateMlPerHour,
                (double?)order.ResumeRateMgPerKgMin,
                order.RuleId,
                order.Reason,
                orderedAt),
            reaction.RegimenId,
            order.Severity.ToString(),
            (double?)order.ResumeRateMlPerHour,
            order.Instructions);
    }

    /// <summary>
    /// Monitoring stopped the infusion already: the current rate is 0, so a "slow" would restart it. The suite never
    /// restarts an infusion on its own, so a slow becomes a pause at 0 with the slowed rate to resume at.
    /// </summary>
    private static RateOrder KeepStopped(RateOrder order) => order.Action switch
    {
        RateAction.Stop => order,
        RateAction.Slow => order with
        {
            Action = RateAction.Pause,
            NewRateMgPerKgMin = 0m,
            NewRateMlPerHour = 0m,
            ResumeRateMgPerKgMin = order.NewRateMgPerKgMin,
            ResumeRateMlPerHour = order.NewRateMlPerHour,
            Reason = order.Reason + StillStopped,
        },
        RateAction.Pause => order with { Reason = order.Reason + StillStopped },
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Action, "unknown rate action"),
    };

    private static decimal Rate(InfusionReactionReported reaction, double value, string what)
    {
        if (!double.IsFinite(value) || value < 0 || value > MaxPlausibleRateMgPerKgMin)
        {
            throw new InvalidReactionException(reaction.ReactionId, string.Create(CultureInfo.InvariantCulture, $"{what} {value} mg/kg/min is not a usable rate"));
        }

        return (decimal)value;
    }
}
