namespace Ivig.Monitoring.Domain;

public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
