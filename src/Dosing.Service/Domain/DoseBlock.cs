namespace Ivig.Dosing.Domain;

/// <summary>Infusions on <paramref name="ConsecutiveDays"/> consecutive days in week <paramref name="Week"/> (1-based) of a schedule.</summary>
public sealed record DoseBlock(int Week, int ConsecutiveDays);
