namespace Ivig.Monitoring.Domain;

/// <summary>What became of a rate order from Dosing (InfusionRateAdjustmentOrdered).</summary>
public enum RateOrderOutcome
{
    /// <summary>Running: the rate was set to the ordered (lower or equal) rate.</summary>
    Applied,

    /// <summary>Paused: recorded as the ceiling for the clinician's resume; the rate stays 0.</summary>
    RecordedAsResumeCeiling,

    /// <summary>Stopped or completed: recorded only; the rate stays 0.</summary>
    RecordedWhileEnded,

    /// <summary>Above the current rate (or not positive): refused as a safety violation, nothing changed.</summary>
    Refused,
}
