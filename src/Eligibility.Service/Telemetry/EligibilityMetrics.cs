using System.Diagnostics.Metrics;

namespace Ivig.Eligibility.Telemetry;

/// <summary>Eligibility figures over OpenTelemetry (meter "Ivig.Eligibility"): decisions and overrides by outcome.</summary>
public sealed class EligibilityMetrics
{
    private readonly Counter<long> _overrides;

    public EligibilityMetrics(IMeterFactory meters) =>
        _overrides = meters.Create("Ivig.Eligibility").CreateCounter<long>("ivig.eligibility.overrides",
            description: "Recommendations overridden by a prescriber, by the decision overridden");

    public void OverrideRecorded(string decision) => _overrides.Add(1, new KeyValuePair<string, object?>("decision", decision));
}
