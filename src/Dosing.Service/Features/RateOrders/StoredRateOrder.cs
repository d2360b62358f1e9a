using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.RateOrders;

/// <summary>
/// The rate order for one reaction, as first decided and stored (keyed by ReactionId). A redelivered reaction
/// re-publishes this same <see cref="Order"/>, with the same OrderId, instead of deciding again.
/// </summary>
/// <param name="Severity">The alert severity of the rule (Warning or Critical).</param>
/// <param name="Instructions">What the team does besides the rate change (e.g. epinephrine for anaphylaxis).</param>
public sealed record StoredRateOrder(
    InfusionRateAdjustmentOrdered Order,
    Guid RegimenId,
    string Severity,
    double? ResumeRateMlPerHour,
    IReadOnlyList<string> Instructions);
