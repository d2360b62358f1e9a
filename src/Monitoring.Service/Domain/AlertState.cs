namespace Ivig.Monitoring.Domain;

public enum AlertState
{
    Active,
    Acknowledged,
    Resolved,
}
