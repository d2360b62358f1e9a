namespace Ivig.Monitoring.Domain;

/// <summary>Running and Paused are active; Stopped and Completed are terminal (the suite never restarts).</summary>
public enum InfusionState
{
    Running,
    Paused,
    Stopped,
    Completed,
}
