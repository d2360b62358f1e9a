namespace Ivig.Monitoring.Domain;

/// <summary>Reported by a clinician, or detected from vitals crossing a section 7 threshold.</summary>
public enum ReactionSource
{
    Reported,
    Detected,
}
