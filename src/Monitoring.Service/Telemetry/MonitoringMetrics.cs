using System.Diagnostics.Metrics;

namespace Ivig.Monitoring.Telemetry;

/// <summary>
/// The figures an operations lead watches, exported over OpenTelemetry (meter "Ivig.Monitoring",
/// visible in the Aspire dashboard). Tags carry rule ids, grades and severities, never patient data.
/// </summary>
public sealed class MonitoringMetrics
{
    public const string MeterName = "Ivig.Monitoring";

    private readonly Counter<long> _reactions;
    private readonly Counter<long> _alerts;
    private readonly Histogram<double> _reactionToRateChange;
    private long _activeInfusions;
    private long _outboxWaiting;

    public MonitoringMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _reactions = meter.CreateCounter<long>("ivig.monitoring.reactions", description: "Reactions recorded (reported or detected), by grade and rule");
        _alerts = meter.CreateCounter<long>("ivig.monitoring.alerts", description: "Alerts raised, by severity and rule");
        _reactionToRateChange = meter.CreateHistogram<double>("ivig.monitoring.reaction_to_rate_change", unit: "s",
            description: "From a reaction being recorded to Dosing's safe rate being applied");
        meter.CreateObservableGauge("ivig.monitoring.active_infusions", () => Interlocked.Read(ref _activeInfusions),
            description: "Running or paused infusions (refreshed by the safety sweep)");
        meter.CreateObservableGauge("ivig.monitoring.outbox_waiting", () => Interlocked.Read(ref _outboxWaiting),
            description: "Stored changes whose events or alerts are not yet out (a lasting non-zero value: the broker is unreachable)");
    }

    public void ReactionRecorded(Domain.Reaction reaction) =>
        _reactions.Add(1, new("grade", (int)reaction.Grade), new("rule_id", reaction.RuleId),
            new("source", reaction.Source == Domain.ReactionSource.Reported ? "reported" : "detected"));

    public void AlertRaised(string severity, string ruleId) =>
        _alerts.Add(1, new("severity", severity), new("rule_id", ruleId));

    public void RateOrderApplied(TimeSpan sinceReaction, string ruleId) =>
        _reactionToRateChange.Record(sinceReaction.TotalSeconds, new KeyValuePair<string, object?>("rule_id", ruleId));

    public void ActiveInfusionsCounted(long count) => Interlocked.Exchange(ref _activeInfusions, count);

    public void OutboxWaiting(long count) => Interlocked.Exchange(ref _outboxWaiting, count);
}
