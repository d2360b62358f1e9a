namespace Ivig.Dosing.Domain;

/// <summary>
/// Lays a <see cref="DoseSchedule"/> out as numbered infusions, with dates when the schedule's anchor date is known.
/// DOSE-POSTPARTUM [Achiron 2004]: the first-week block starts the day after delivery; a later block "at week N"
/// falls N weeks after delivery (the boosters at 6 and 12 weeks postpartum).
/// </summary>
public static class DoseCalendar
{
    private const int DaysPerWeek = 7;

    /// <param name="anchorDate">The delivery date for <see cref="ScheduleAnchor.Delivery"/>; the first infusion's date otherwise; null when unknown.</param>
    public static IReadOnlyList<ScheduledInfusion> Lay(DoseSchedule schedule, DateOnly? anchorDate)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var infusions = new List<ScheduledInfusion>();
        foreach (var block in schedule.Blocks)
        {
            var first = anchorDate is { } anchor ? FirstDate(schedule.Anchor, block.Week, anchor) : (DateOnly?)null;
            for (var day = 0; day < block.ConsecutiveDays; day++)
            {
                infusions.Add(new ScheduledInfusion(infusions.Count + 1, block.Week, first?.AddDays(day)));
            }
        }

        return infusions;
    }

    private static DateOnly FirstDate(ScheduleAnchor anchor, int week, DateOnly anchorDate) => anchor switch
    {
        ScheduleAnchor.Delivery => week == 1 ? anchorDate.AddDays(1) : anchorDate.AddDays(week * DaysPerWeek),
        ScheduleAnchor.FirstInfusion => anchorDate.AddDays((week - 1) * DaysPerWeek),
        _ => throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "unknown schedule anchor"),
    };
}
