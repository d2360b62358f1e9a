using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Infrastructure.Outbox;
using Ivig.Monitoring.Telemetry;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// RecordVitals (unary, and the messages of a bedside-monitor stream): rejects implausible values,
/// evaluates the section-7 thresholds against the baseline; a crossing becomes a reaction exactly as if
/// a nurse had reported it (frozen or stopped in this same request), a hypertension finding a WARNING.
/// A stream's consecutive readings for one infusion are applied as one stored change: the same result
/// as one by one, at a fraction of the writes.
/// </summary>
public sealed class RecordVitalsCommand(InfusionUpdater updater, VitalsEvaluator evaluator, MonitoringMetrics metrics)
{
    public async Task<(InfusionSession Session, IReadOnlyList<string> Findings)> ExecuteAsync(string infusionId, VitalSigns? vitals)
    {
        var (session, _, findings) = await ExecuteBatchAsync(infusionId, [vitals]);
        return (session!, findings);
    }

    /// <summary>
    /// Records readings in order. As if sent one by one, the readings before an invalid one (or before
    /// the infusion ended) are kept and the invalid one fails the call with its error.
    /// </summary>
    public async Task<(InfusionSession? Session, int Accepted, IReadOnlyList<string> Findings)> ExecuteBatchAsync(
        string infusionId, IReadOnlyList<VitalSigns?> batch)
    {
        var id = InfusionIds.Parse(infusionId);
        var values = new List<Vitals>(batch.Count);
        Exception? invalid = null;
        foreach (var vitals in batch)
        {
            try
            {
                values.Add(Validate(vitals));
            }
            catch (RequestValidationException ex)
            {
                invalid = ex;
                break;
            }
        }

        InfusionSession? session = null;
        var findings = new List<string>();
        if (values.Count > 0)
        {
            (session, var results) = await updater.UpdateAsync(id, (s, now) =>
            {
                var recorded = new List<VitalsRecordingResult>(values.Count);
                foreach (var reading in values)
                {
                    if (recorded.Count > 0 && !s.IsActive)
                    {
                        break; // an earlier reading of this batch stopped the infusion
                    }
                    recorded.Add(s.RecordVitals(reading, evaluator, now));
                }
                return recorded;
            }, (s, recorded) => recorded.SelectMany(r => Effects(s, r)));

            foreach (var detected in results.SelectMany(r => r.DetectedReactions))
            {
                metrics.ReactionRecorded(detected.Reaction);
            }
            findings.AddRange(results.SelectMany(r => r.Findings.Select(f => f.RuleId)));
            if (results.Count < values.Count)
            {
                // The next reading meets an ended infusion: the same refusal a single call would get.
                DomainErrors.Translate(() => session.RecordVitals(values[results.Count], evaluator, DateTimeOffset.UtcNow));
            }
        }
        if (invalid is not null)
        {
            throw invalid;
        }
        return (session, values.Count, findings);
    }

    private static Vitals Validate(VitalSigns? vitals)
    {
        if (vitals is null)
        {
            throw new RequestValidationException([new("vitals", "Required.")]);
        }
        var values = vitals.ToDomain();
        DomainErrors.Translate(() => VitalsValidator.Validate(values) is { Count: > 0 } invalid ? throw new DomainValidationException(invalid) : 0, "vitals.");
        return values;
    }

    /// <summary>A warning per finding that is not itself a reaction, then each detected reaction's effects.</summary>
    private static IEnumerable<OutboxEntry> Effects(InfusionSession session, VitalsRecordingResult recorded)
    {
        foreach (var finding in recorded.Findings)
        {
            if (AlertFactory.ForVitalsFinding(session.Id, recorded.Reading, finding, recorded.Reading.RecordedAt) is { } warning)
            {
                yield return OutboxEntries.RaiseAlert(warning, recorded.Reading.RecordedAt);
            }
        }
        foreach (var entry in recorded.DetectedReactions.SelectMany(detected => InfusionEvents.Reaction(session, detected)))
        {
            yield return entry;
        }
    }
}
