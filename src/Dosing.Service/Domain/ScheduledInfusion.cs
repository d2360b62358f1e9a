namespace Ivig.Dosing.Domain;

/// <summary>One infusion of a course: its number (1-based), the schedule week it falls in, and its date when known.</summary>
public sealed record ScheduledInfusion(int Number, int Week, DateOnly? Date);
