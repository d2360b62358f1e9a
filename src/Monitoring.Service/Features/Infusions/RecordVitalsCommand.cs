using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// RecordVitals (unary, and each message of a bedside-monitor stream): rejects implausible values,
/// evaluates the section-7 thresholds against the baseline; a crossing becomes a reaction exactly as if
/// a nurse had reported it (frozen or stopped in this same request), a hypertension finding a WARNING.
/// </summary>
public sealed class RecordVitalsCommand(InfusionUpdater updater, VitalsEvaluator evaluator, InfusionEventPublisher events, AlertRaiser alerts)
{
    public async Task<(InfusionSession Session, IReadOnlyList<string> Findings)> ExecuteAsync(string infusionId, VitalSigns? vitals)
    {
        var id = InfusionIds.Parse(infusionId);
        if (vitals is null)
        {
            throw new RequestValidationException([new("vitals", "Required.")]);
        }
        var values = vitals.ToDomain();
        DomainErrors.Translate(() => VitalsValidator.Validate(values) is { Count: > 0 } invalid ? throw new DomainValidationException(invalid) : 0, "vitals.");

        decimal rateBefore = 0;
        var (session, result) = await updater.UpdateAsync(id, (s, now) =>
        {
            rateBefore = s.CurrentRateMgPerKgMin;
            return s.RecordVitals(values, evaluator, now);
        });

        foreach (var finding in result.Findings)
        {
            if (AlertFactory.ForVitalsFinding(session.Id, result.Reading, finding, result.Reading.RecordedAt) is { } warning)
            {
                await alerts.RaiseAsync(warning);
            }
        }
        foreach (var detected in result.DetectedReactions)
        {
            await events.ReactionAsync(session, detected, rateBefore);
            rateBefore = detected.RateChange?.RateMgPerKgMin ?? rateBefore;
        }
        return (session, result.Findings.Select(f => f.RuleId).ToList());
    }
}
