using Ivig.IntegrationEvents;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure.Outbox;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// What the rest of the suite must hear after an infusion changed, as outbox entries stored with the
/// change itself (<see cref="InfusionUpdater"/>) and carried out right after it.
/// </summary>
public static class InfusionEvents
{
    public static OutboxEntry RateChanged(InfusionSession session, decimal previousRate, RateChange change, Guid? orderId = null) =>
        OutboxEntries.Publish(new InfusionRateChanged(session.Id, (double)previousRate, (double)change.RateMgPerKgMin,
            (double)change.RateMlPerHour, change.RuleId ?? "", change.Reason, orderId, change.At), change.At);

    /// <summary>
    /// A reaction was recorded (titration already frozen, a severe one already stopped in the same
    /// change): its one alert first, then the rate change, then Dosing is asked for the safe rate.
    /// </summary>
    public static IEnumerable<OutboxEntry> Reaction(InfusionSession session, ReactionOutcome outcome)
    {
        var reaction = outcome.Reaction;
        yield return OutboxEntries.RaiseAlert(AlertFactory.ForReaction(session.Id, reaction, reaction.ReportedAt), reaction.ReportedAt);
        if (outcome.RateChange is { } change)
        {
            yield return RateChanged(session, reaction.RateAtOnsetMgPerKgMin, change);
        }
        yield return OutboxEntries.Publish(new InfusionReactionReported(
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
            reaction.ReportedAt), reaction.ReportedAt);
    }

    public static OutboxEntry Started(InfusionSession session) =>
        OutboxEntries.Publish(new InfusionStarted(session.Id, Guid.TryParse(session.RegimenId, out var regimen) ? regimen : Guid.Empty,
            session.DayNumber, session.ProductId, (double)session.CurrentRateMgPerKgMin, (double)session.CurrentRateMlPerHour, session.StartedAt),
            session.StartedAt);

    public static OutboxEntry Completed(InfusionSession session, DateTimeOffset now) =>
        OutboxEntries.Publish(new InfusionCompleted(session.Id, Guid.TryParse(session.RegimenId, out var regimen) ? regimen : Guid.Empty,
            session.State.ToString().ToUpperInvariant(), session.EndedAt ?? now), now);
}
