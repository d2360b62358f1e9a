using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Tests.Domain;

public class DoseCalendarTests
{
    private static readonly DoseSchedule Postpartum = new(ScheduleAnchor.Delivery, [new DoseBlock(1, 5), new DoseBlock(6, 1), new DoseBlock(12, 1)], null, "postpartum");

    [Fact]
    public void Without_an_anchor_date_infusions_are_numbered_but_undated()
    {
        var infusions = DoseCalendar.Lay(new DoseSchedule(ScheduleAnchor.FirstInfusion, [new DoseBlock(1, 5)], null, "acute"), null);

        Assert.Equal([1, 2, 3, 4, 5], infusions.Select(i => i.Number));
        Assert.All(infusions, i => Assert.Equal((1, (DateOnly?)null), (i.Week, i.Date)));
    }

    [Fact]
    public void Postpartum_counts_from_the_day_after_delivery_and_boosters_fall_whole_weeks_after_it()
    {
        var infusions = DoseCalendar.Lay(Postpartum, new DateOnly(2025, 12, 30));

        Assert.Equal(
            ["2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-02-10", "2026-03-24"],
            infusions.Select(i => i.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([1, 1, 1, 1, 1, 6, 12], infusions.Select(i => i.Week));
    }

    [Fact]
    public void A_first_infusion_anchor_starts_on_the_date_itself()
    {
        var infusions = DoseCalendar.Lay(new DoseSchedule(ScheduleAnchor.FirstInfusion, [new DoseBlock(1, 2)], 4, "maint"), new DateOnly(2025, 3, 10));

        Assert.Equal([new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11)], infusions.Select(i => i.Date!.Value));
    }
}
