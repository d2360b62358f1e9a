using Ivig.ServiceDefaults.Messaging;
using Ivig.IntegrationEvents;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Telemetry;
using MassTransit;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>What the rest of the suite hears after an infusion changed: events and alerts.</summary>
public sealed class InfusionEventPublisher(IPublishEndpoint publisher, AlertRaiser alerts, MonitoringMetrics metrics, ILogger<InfusionEventPublisher> logger)
{
    public Task<bool> RateChangedAsync(InfusionSession session, decimal previousRate, RateChange change, Guid? orderId = null) =>
        publisher.PublishBoundedAsync(new InfusionRateChanged(session.Id, (double)previousRate, (double)change.RateMgPerKgMin,
            (double)change.RateMlPerHour, change.RuleId ?? "", change.Reason, orderId, change.At), logger);

    /// <summary>
    /// A reaction was recorded (titration already frozen, a severe one already stopped in the same
    /// request): its one alert goes out at once, then Dosing is asked for the safe rate.
    /// </summary>
    public async Task ReactionAsync(InfusionSession session, ReactionOutcome outcome, decimal rateBefore)
    {
        var reaction = outcome.Reaction;
        metrics.ReactionRecorded((int)reaction.Grade, reaction.RuleId, reaction.Source == ReactionSource.Reported ? "reported" : "detected");
        await alerts.RaiseAsync(AlertFactory.ForReaction(session.Id, reaction, reaction.ReportedAt));
        if (outcome.RateChange is { } change)
        {
            await RateChangedAsync(session, rateBefore, change);
        }
        await publisher.PublishBoundedAsync(new InfusionReactionReported(
            reaction.Id,
            session.Id,
            Guid.TryParse(session.RegimenId, out var regimenId) ? regimenId : Guid.Empty,
            reaction.Kind.ToString(),
            (int)reaction.Grade,
            reaction.RuleId,
            reaction.Source == ReactionSource.Reported ? "REPORTED" : reaction.FindingRuleId ?? "DETECTED",
            (double)reaction.RateAtOnsetMgPerKgMin,
            (double)session.LastToleratedRateMgPerKgMin,
            session.State == InfusionState.Stopped,
            reaction.ReportedAt), logger);
    }
}
