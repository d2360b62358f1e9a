namespace Ivig.Monitoring.Domain;

/// <summary>Why the rate changed. Every change is an explicit call; none is automatic.</summary>
public enum RateChangeSource
{
    Start,
    Titration,
    ReactionOrder,
    Pause,
    Resume,
    Stop,
    Complete,
}
