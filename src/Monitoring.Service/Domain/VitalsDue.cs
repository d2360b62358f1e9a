namespace Ivig.Monitoring.Domain;

/// <summary>
/// When the next vitals are due. <paramref name="OverdueAfter"/> = due + grace; vitals are overdue
/// strictly after it. <paramref name="DueAt"/> also serves as the de-duplication key of the overdue alert.
/// </summary>
public sealed record VitalsDue(DateTimeOffset DueAt, DateTimeOffset OverdueAfter, bool IsOverdue);
