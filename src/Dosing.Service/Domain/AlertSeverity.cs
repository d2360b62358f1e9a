namespace Ivig.Dosing.Domain;

public enum AlertSeverity
{
    Warning,
    Critical,
}
