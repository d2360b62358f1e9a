namespace Ivig.Dosing.Domain;

/// <summary>When the doses of a course fall.</summary>
/// <param name="RepeatEveryWeeks">Relapse prevention: the course repeats every this many weeks; null for a single course.</param>
public sealed record DoseSchedule(ScheduleAnchor Anchor, IReadOnlyList<DoseBlock> Blocks, int? RepeatEveryWeeks, string Description)
{
    public int InfusionDays => Blocks.Sum(b => b.ConsecutiveDays);
}
