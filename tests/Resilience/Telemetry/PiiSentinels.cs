namespace Ivig.Resilience.Telemetry;

/// <summary>
/// Unique values standing in for patient-identifying data, one per field that could carry it: the patient
/// reference, and every free-text field a clinician fills in (checked against the protos: facts'
/// dmts_not_feasible_reason, override reason, premedication-omitted reason, restart reason, pause and stop
/// reasons, reaction symptoms). Each is unique, so an occurrence in telemetry can only come from its field.
/// </summary>
public sealed class PiiSentinels
{
    private readonly string _run = Guid.NewGuid().ToString("N");

    /// <summary>Letters, digits and dashes only: a valid opaque patient reference (at most 64 characters).</summary>
    public string PatientReference => $"PII-SENTINEL-{_run}";

    public string DmtsNotFeasibleReason => $"PII-DMT-REASON-{_run}";
    public string OverrideReason => $"PII-OVERRIDE-REASON-{_run}";
    public string PremedicationOmittedReason => $"PII-PREMED-REASON-{_run}";
    public string RestartReason => $"PII-RESTART-REASON-{_run}";
    public string PauseReason => $"PII-PAUSE-REASON-{_run}";
    public string StopReason => $"PII-STOP-REASON-{_run}";
    public string Symptom => $"PII-SYMPTOM-{_run}";

    /// <summary>Sent in fields where it does not belong (ids, product, dates, tokens), in calls that fail.</summary>
    public string InBadField => $"PII-BAD-FIELD-{_run}";

    public IReadOnlyDictionary<string, string> All => new Dictionary<string, string>
    {
        ["patient reference"] = PatientReference,
        ["facts.dmts_not_feasible_reason"] = DmtsNotFeasibleReason,
        ["override reason"] = OverrideReason,
        ["premedication_omitted_reason"] = PremedicationOmittedReason,
        ["restart_reason"] = RestartReason,
        ["pause reason"] = PauseReason,
        ["stop reason"] = StopReason,
        ["symptom"] = Symptom,
        ["value in a bad field of a failed call"] = InBadField,
    };
}
